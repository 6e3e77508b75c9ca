package dev.junction.plugin.shiphero.client;

import dev.junction.api.ConnectionContext;
import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.error.ThrottledException;
import dev.junction.api.http.RateLimitedClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Clock;

/**
 * GraphQL over HTTP to ShipHero: {@code POST /graphql} with {@code {query, variables}} and a Bearer token.
 * Each call sends one root field and answers that field's object ({@code {request_id, complexity, data}}
 * for queries, {@code {request_id, complexity, order|webhook|...}} for mutations).
 *
 * <p>Failures, as the hub wants them: "not enough credits" is waited out by the rate-limited client
 * ({@link CreditPolicy}) and, if it persists, a {@link ThrottledException}; HTTP 5xx and network errors are
 * {@link RetryableException}; any other GraphQL error (validation, not found, bad argument) is a
 * {@link PermanentException} carrying ShipHero's own message. A refused token is renewed and the call sent
 * once more.
 */
public final class ShipHeroClient {
    private final ShipHeroConfig config;
    private final RateLimitedClient http;
    private final TokenKeeper tokens;

    public ShipHeroClient(ConnectionContext ctx, ShipHeroConfig config) {
        this(config, ctx.http().client(config.limiterKey(), new CreditPolicy()), ctx, ctx.clock());
    }

    private ShipHeroClient(ShipHeroConfig config, RateLimitedClient http, ConnectionContext ctx, Clock clock) {
        this.config = config;
        this.http = http;
        this.tokens = new TokenKeeper(config, http, ctx.state(), clock);
    }

    public ShipHeroConfig config() {
        return config;
    }

    /** Runs {@code document}, whose only root field is {@code root}, and answers that field's object. */
    public Future<JsonObject> call(String root, String document, JsonObject variables) {
        JsonObject body = new JsonObject().put("query", document).put("variables", variables == null ? new JsonObject() : variables);
        return tokens.accessToken().compose(token -> send(token, body).compose(r -> {
            if (r.statusCode() == 401) {
                return tokens.renewAfterRejection(token).compose(fresh -> send(fresh, body));
            }
            return Future.succeededFuture(r);
        })).compose(r -> interpret(root, r));
    }

    private Future<HttpResponse<Buffer>> send(String token, JsonObject body) {
        return http.send(http.webClient().postAbs(config.baseUrl() + "/graphql")
                .putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json"), body.toBuffer());
    }

    static Future<JsonObject> interpret(String root, HttpResponse<Buffer> r) {
        int status = r.statusCode();
        JsonObject body = json(r);
        if (status >= 500 || status == 408) {
            return Future.failedFuture(new RetryableException("ShipHero answered HTTP " + status + firstMessage(body, ": ")));
        }
        if (status == 429) {
            return Future.failedFuture(new ThrottledException("ShipHero is throttling requests", java.time.Duration.ofSeconds(5)));
        }
        if (status == 401 || status == 403) {
            return Future.failedFuture(new PermanentException("ShipHero refused the access token after renewing it"
                    + firstMessage(body, ": ") + "; check the API user's permissions"));
        }
        if (status != 200 || body == null) {
            return Future.failedFuture(new PermanentException("ShipHero rejected the " + root + " request (HTTP " + status
                    + firstMessage(body, ": ") + ")"));
        }
        JsonObject data = body.getJsonObject("data");
        JsonObject field = data == null ? null : data.getJsonObject(root);
        JsonArray errors = body.getJsonArray("errors");
        if (errors != null && !errors.isEmpty()) {
            var credit = CreditErrors.find(body);
            if (credit.isPresent()) {
                if (CreditErrors.exceedsMaximum(credit.get())) {
                    return Future.failedFuture(new PermanentException("ShipHero " + root + " needs more credits than the "
                            + "account may spend on one operation (" + credit.get().getString("message") + "); lower the page size"));
                }
                return Future.failedFuture(new ThrottledException("ShipHero is out of credits for " + root,
                        CreditErrors.waitOf(credit.get())));
            }
            if (field == null) {
                return Future.failedFuture(new PermanentException("ShipHero refused " + root + firstMessage(body, ": ")));
            }
        }
        if (field == null) {
            return Future.failedFuture(new RetryableException("ShipHero answered " + root + " without data"));
        }
        return Future.succeededFuture(field);
    }

    private static JsonObject json(HttpResponse<Buffer> r) {
        try {
            Buffer b = r.body();
            return b == null || b.length() == 0 ? null : new JsonObject(b);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String firstMessage(JsonObject body, String prefix) {
        JsonArray errors = body == null ? null : body.getJsonArray("errors");
        if (errors == null || errors.isEmpty() || !(errors.getValue(0) instanceof JsonObject e)) {
            return "";
        }
        return prefix + e.getString("message", "");
    }
}
