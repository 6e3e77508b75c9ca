package dev.junction.plugin.brightpearl.webhooks;

import dev.junction.api.webhook.WebhookEvent;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.api.webhook.WebhookRequest;
import dev.junction.api.webhook.WebhookVerdict;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.client.IdSets;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brightpearl webhooks. Brightpearl does not sign them, so the callback URL carries a secret
 * ({@code ?token=}) made once and kept in the connection's encrypted state, checked in constant time. Each
 * subscription's URL also names its event, and the body is the id set of the resources it is about: the
 * handler answers thin events, which the hub hydrates through the stream's {@code fetch}.
 */
public final class BrightpearlWebhooks implements WebhookHandler {
    static final String TOKEN_KEY = "webhook.token";
    static final String PATH = "/integration-service/webhook";
    /** event → source stream it feeds. */
    public static final Map<String, String> STREAMS = Map.of(
            "goods-out-note.created", "goods-out-notes",
            "goods-out-note.modified.shipped", "shipped-goods-out-notes",
            "order.modified.order-status", "order-status-changes");
    static final String BODY_TEMPLATE = "{\"accountCode\":\"${account-code}\",\"resourceType\":\"${resource-type}\","
            + "\"id\":\"${resource-id}\",\"lifecycleEvent\":\"${lifecycle-event}\","
            + "\"specifier\":\"${resource-specifier}\",\"raisedOn\":\"${raised-on}\"}";

    private final BrightpearlConnection bp;
    private final SecureRandom random = new SecureRandom();

    public BrightpearlWebhooks(BrightpearlConnection bp) {
        this.bp = bp;
    }

    @Override
    public Future<WebhookVerdict> receive(WebhookRequest request) {
        String given = request.query() == null ? null : request.query().get("token");
        return bp.ctx().state().get(TOKEN_KEY).map(expected -> {
            if (expected.isEmpty() || given == null || !MessageDigest.isEqual(
                    expected.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
                return WebhookVerdict.rejected(401, "Brightpearl webhook without the connection's token");
            }
            JsonObject body;
            try {
                body = request.body() == null || request.body().length() == 0 ? new JsonObject() : request.body().toJsonObject();
            } catch (RuntimeException e) {
                return WebhookVerdict.rejected(400, "Brightpearl webhook body is not JSON");
            }
            String event = request.query().get("event") != null ? request.query().get("event") : eventOf(body);
            String stream = STREAMS.get(event);
            if (stream == null) {
                return WebhookVerdict.accepted(List.of()); // not ours to sync; 2xx so Brightpearl does not retry
            }
            Set<Long> ids;
            try {
                ids = IdSets.parse(body.getString("id"));
            } catch (RuntimeException e) {
                return WebhookVerdict.rejected(400, "Brightpearl webhook id set '" + body.getValue("id") + "' is not valid");
            }
            List<WebhookEvent> events = new ArrayList<>();
            ids.forEach(id -> events.add(WebhookEvent.thin(stream, String.valueOf(id))));
            return WebhookVerdict.accepted(events);
        });
    }

    /** From the rendered body when the URL lacks it: {@code goods-out-note} + {@code modified} + {@code shipped}. */
    static String eventOf(JsonObject body) {
        String type = body.getString("resourceType", "").toLowerCase().replace(' ', '-');
        String life = body.getString("lifecycleEvent", "");
        String spec = body.getString("specifier", "");
        return type + (life.isEmpty() ? "" : "." + life) + (spec.isEmpty() ? "" : "." + spec);
    }

    /**
     * Subscribes each event once: a subscription with the same event and URL is kept, one for this callback
     * with a stale URL (old token) is replaced, anything else on the account (other apps) is left alone.
     */
    @Override
    public Future<Void> register(String callbackUrl) {
        return token().compose(token -> bp.client().get(PATH).compose(existing -> {
            JsonArray hooks = existing instanceof JsonArray a ? a : new JsonArray();
            Future<Void> chain = Future.succeededFuture();
            for (String event : STREAMS.keySet().stream().sorted().toList()) {
                String uri = callbackUrl + (callbackUrl.contains("?") ? "&" : "?") + "token=" + token + "&event=" + event;
                boolean present = false;
                for (Object o : hooks) {
                    JsonObject h = (JsonObject) o;
                    if (!event.equals(h.getString("subscribeTo")) || h.getString("uriTemplate") == null
                            || !h.getString("uriTemplate").startsWith(callbackUrl)) {
                        continue;
                    }
                    if (h.getString("uriTemplate").equals(uri) && !present) {
                        present = true;
                    } else {
                        Object id = h.getValue("id");
                        chain = chain.compose(v -> bp.client().delete(PATH + "/" + id).mapEmpty());
                    }
                }
                if (!present) {
                    JsonObject body = new JsonObject().put("subscribeTo", event).put("httpMethod", "POST")
                            .put("uriTemplate", uri).put("bodyTemplate", BODY_TEMPLATE)
                            .put("contentType", "application/json").put("idSetAccepted", true).put("qualityOfService", 1);
                    chain = chain.compose(v -> bp.client().post(PATH, body).mapEmpty());
                }
            }
            return chain;
        }));
    }

    private Future<String> token() {
        return bp.ctx().state().get(TOKEN_KEY).compose(saved -> {
            if (saved.isPresent()) {
                return Future.succeededFuture(saved.get());
            }
            byte[] b = new byte[32];
            random.nextBytes(b);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            return bp.ctx().state().put(TOKEN_KEY, token).map(token);
        });
    }
}
