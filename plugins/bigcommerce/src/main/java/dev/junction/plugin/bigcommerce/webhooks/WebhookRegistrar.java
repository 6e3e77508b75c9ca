package dev.junction.plugin.bigcommerce.webhooks;

import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Makes sure one active hook per scope points at the callback with the current secret header. BigCommerce
 * allows only one hook per scope and destination, so an existing one is updated rather than duplicated.
 */
final class WebhookRegistrar {

    private final BigCommerceClient client;

    WebhookRegistrar(BigCommerceClient client) {
        this.client = client;
    }

    Future<Void> ensure(String destination, List<String> scopes, String header, String secret) {
        return existing(destination).compose(hooks -> {
            Future<Void> chain = Future.succeededFuture();
            for (String scope : scopes) {
                chain = chain.compose(v -> ensureOne(hooks, scope, destination, header, secret));
            }
            return chain;
        });
    }

    private Future<Void> ensureOne(List<JsonObject> hooks, String scope, String destination, String header, String secret) {
        JsonObject headers = new JsonObject().put(header, secret);
        JsonObject match = hooks.stream()
                .filter(h -> scope.equals(h.getString("scope")) && destination.equals(h.getString("destination")))
                .findFirst().orElse(null);
        if (match == null) {
            JsonObject body = new JsonObject().put("scope", scope).put("destination", destination)
                    .put("is_active", true).put("headers", headers);
            return client.post("/v3/hooks", body).mapEmpty();
        }
        boolean active = Boolean.TRUE.equals(match.getValue("is_active"));
        JsonObject current = match.getJsonObject("headers", new JsonObject());
        if (active && Objects.equals(secret, current.getString(header))) {
            return Future.succeededFuture();
        }
        JsonObject update = new JsonObject().put("is_active", true).put("headers", headers);
        return client.put("/v3/hooks/" + match.getValue("id"), update).mapEmpty();
    }

    /** Hooks of this app pointing at {@code destination}, every page. */
    private Future<List<JsonObject>> existing(String destination) {
        return page(destination, 1, new ArrayList<>());
    }

    private Future<List<JsonObject>> page(String destination, int page, List<JsonObject> acc) {
        return client.getV3("/v3/hooks", Map.of("destination", destination, "page", Integer.toString(page), "limit", "250"))
                .compose(answer -> {
                    JsonArray data = answer.getJsonArray("data", new JsonArray());
                    data.forEach(o -> acc.add((JsonObject) o));
                    JsonObject pagination = answer.getJsonObject("meta", new JsonObject()).getJsonObject("pagination");
                    int totalPages = pagination == null ? 1 : pagination.getInteger("total_pages", 1);
                    return page < totalPages && !data.isEmpty() ? page(destination, page + 1, acc) : Future.succeededFuture(acc);
                });
    }
}
