package dev.junction.plugin.dropstream.api;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.service.ConnectionState;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

/**
 * The connection's DropStream access token (a JWT from {@code POST /auth/token} with HTTP Basic). Kept in the
 * connection's encrypted state so a restart does not ask for a new one, tagged with user and base URL so a
 * changed setting never reuses another account's token. Renewed a minute before the JWT's {@code exp}, and
 * when the API answers 401 ({@link #renewAfterRejection}). One renewal at a time; concurrent callers share it.
 */
final class TokenKeeper {
    static final String STATE_KEY = "dropstream.token";
    private static final long MARGIN_SECONDS = 60;

    private record Token(String owner, String value, long expiresAt) {
        JsonObject toJson() {
            return new JsonObject().put("owner", owner).put("access_token", value).put("expires_at", expiresAt);
        }
    }

    private final DropStreamConfig config;
    private final RateLimitedClient http;
    private final ConnectionState state;
    private final Clock clock;
    private Token current;
    private Future<Token> renewing;

    TokenKeeper(DropStreamConfig config, RateLimitedClient http, ConnectionState state, Clock clock) {
        this.config = config;
        this.http = http;
        this.state = state;
        this.clock = clock;
    }

    synchronized Future<String> accessToken() {
        if (current != null && fresh(current)) {
            return Future.succeededFuture(current.value());
        }
        if (current == null) {
            return state.get(STATE_KEY).compose(stored -> {
                Token t = stored.map(s -> parse(new JsonObject(s))).filter(k -> owner().equals(k.owner()) && fresh(k)).orElse(null);
                if (t != null) {
                    synchronized (this) {
                        current = t;
                    }
                    return Future.succeededFuture(t.value());
                }
                return renew().map(Token::value);
            });
        }
        return renew().map(Token::value);
    }

    /** The API refused {@code rejected}: get a new token unless another caller already has. */
    synchronized Future<String> renewAfterRejection(String rejected) {
        if (current != null && !current.value().equals(rejected) && fresh(current)) {
            return Future.succeededFuture(current.value());
        }
        return renew().map(Token::value);
    }

    private synchronized Future<Token> renew() {
        if (renewing != null) {
            return renewing;
        }
        String basic = Base64.getEncoder().encodeToString((config.username() + ":" + config.password()).getBytes(StandardCharsets.UTF_8));
        Future<Token> f = http.send(http.webClient().postAbs(config.baseUrl() + "/auth/token")
                        .putHeader("Authorization", "Basic " + basic).putHeader("Content-Type", "application/json")
                        .putHeader("Accept", "application/json"),
                new JsonObject().put("grant_type", "client_credentials").toBuffer())
                .compose(this::token)
                .compose(t -> state.put(STATE_KEY, t.toJson().encode()).map(v -> t));
        renewing = f;
        f.onComplete(ar -> {
            synchronized (this) {
                renewing = null;
                if (ar.succeeded()) {
                    current = ar.result();
                }
            }
        });
        return f;
    }

    private Future<Token> token(HttpResponse<Buffer> r) {
        int status = r.statusCode();
        if (status / 100 == 2) {
            String value = null;
            try {
                JsonObject j = r.bodyAsJsonObject();
                value = j == null ? null : j.getString("access_token");
            } catch (RuntimeException ignored) {
                // reported below
            }
            if (value == null) {
                return Future.failedFuture(new RetryableException("DropStream /auth/token answered without an access token"));
            }
            return Future.succeededFuture(new Token(owner(), value, expiry(value)));
        }
        if (status == 400 || status == 401 || status == 403) {
            return Future.failedFuture(new PermanentException("DropStream refused the API user '" + config.username() + "' ("
                    + DropStreamApi.remoteMessage(r) + "): check the connection's DropStream 'username' and 'password'"));
        }
        return Future.failedFuture(new RetryableException("DropStream /auth/token answered HTTP " + status + " ("
                + DropStreamApi.remoteMessage(r) + ")"));
    }

    /** The JWT's {@code exp}; a token whose payload cannot be read is assumed to last an hour. */
    private long expiry(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            JsonObject payload = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Long exp = payload.getLong("exp");
            if (exp != null) {
                return exp;
            }
        } catch (RuntimeException ignored) {
            // not a readable JWT: fall back below
        }
        return now() + 3600;
    }

    private boolean fresh(Token t) {
        return now() < t.expiresAt() - MARGIN_SECONDS;
    }

    private String owner() {
        return config.username() + "@" + config.baseUrl();
    }

    private static Token parse(JsonObject j) {
        return new Token(j.getString("owner", ""), j.getString("access_token", ""), j.getLong("expires_at", 0L));
    }

    private long now() {
        return clock.millis() / 1000;
    }
}
