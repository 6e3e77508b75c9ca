package dev.junction.plugin.shiphero.client;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.service.ConnectionState;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.time.Clock;
import java.time.Duration;

/**
 * The connection's ShipHero tokens. An access token lasts 28 days; it is renewed before it expires (when
 * a tenth of its life, at most a day, is left) with the refresh token, and when that is refused, by a new
 * token request with the username and password. Tokens live in the connection's state (encrypted by the
 * hub), tagged with the username so a changed username never reuses another account's token. One renewal
 * runs at a time; concurrent callers share it.
 */
final class TokenKeeper {
    static final String STATE_KEY = "shiphero.tokens";

    record Tokens(String username, String access, String refresh, long issuedAt, long expiresAt) {
        JsonObject toJson() {
            return new JsonObject().put("username", username).put("access_token", access).put("refresh_token", refresh)
                    .put("issued_at", issuedAt).put("expires_at", expiresAt);
        }

        static Tokens fromJson(JsonObject j) {
            return new Tokens(j.getString("username"), j.getString("access_token"), j.getString("refresh_token"),
                    j.getLong("issued_at", 0L), j.getLong("expires_at", 0L));
        }

        boolean dueForRenewal(long nowSeconds) {
            long margin = Math.min(Duration.ofDays(1).toSeconds(), Math.max(1, (expiresAt - issuedAt) / 10));
            return nowSeconds >= expiresAt - margin;
        }
    }

    private final ShipHeroConfig config;
    private final RateLimitedClient http;
    private final ConnectionState state;
    private final Clock clock;
    private Tokens current;
    private Future<Tokens> renewing;

    TokenKeeper(ShipHeroConfig config, RateLimitedClient http, ConnectionState state, Clock clock) {
        this.config = config;
        this.http = http;
        this.state = state;
        this.clock = clock;
    }

    /** A valid access token, renewed first when it is close to expiry. */
    synchronized Future<String> accessToken() {
        Tokens t = current;
        if (t != null && !t.dueForRenewal(now())) {
            return Future.succeededFuture(t.access());
        }
        if (t == null) {
            return load().compose(stored -> {
                synchronized (this) {
                    if (current == null && stored != null) {
                        current = stored;
                    }
                }
                return current != null && !current.dueForRenewal(now()) ? Future.succeededFuture(current.access())
                        : renew(current).map(Tokens::access);
            });
        }
        return renew(t).map(Tokens::access);
    }

    /** ShipHero refused {@code rejected}: renew unless another caller already did. */
    synchronized Future<String> renewAfterRejection(String rejected) {
        if (current != null && !current.access().equals(rejected)) {
            return Future.succeededFuture(current.access());
        }
        return renew(current).map(Tokens::access);
    }

    private synchronized Future<Tokens> renew(Tokens old) {
        if (renewing != null) {
            return renewing;
        }
        Future<Tokens> f = (old != null && old.refresh() != null ? refresh(old).recover(e -> e instanceof PermanentException
                ? login() : Future.failedFuture(e)) : login())
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

    private Future<Tokens> load() {
        return state.get(STATE_KEY).map(o -> o.map(s -> Tokens.fromJson(new JsonObject(s)))
                .filter(t -> config.username().equalsIgnoreCase(t.username()) && t.access() != null).orElse(null));
    }

    private Future<Tokens> login() {
        JsonObject body = new JsonObject().put("username", config.username()).put("password", config.password());
        return post("/auth/token", body).map(r -> tokens(r, null));
    }

    private Future<Tokens> refresh(Tokens old) {
        return post("/auth/refresh", new JsonObject().put("refresh_token", old.refresh())).map(r -> tokens(r, old.refresh()));
    }

    private Future<JsonObject> post(String path, JsonObject body) {
        return http.send(http.webClient().postAbs(config.baseUrl() + path).putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json"), body.toBuffer()).compose(r -> answer(path, r));
    }

    private Future<JsonObject> answer(String path, HttpResponse<Buffer> r) {
        int status = r.statusCode();
        if (status / 100 == 2) {
            try {
                JsonObject j = r.bodyAsJsonObject();
                if (j != null && j.getString("access_token") != null) {
                    return Future.succeededFuture(j);
                }
            } catch (RuntimeException ignored) {
                // handled below as a malformed answer
            }
            return Future.failedFuture(new RetryableException("ShipHero " + path + " answered without an access token"));
        }
        if (status == 401 || status == 403 || status == 400) {
            String what = path.endsWith("refresh") ? "the stored refresh token" : "the username and password of '"
                    + config.username() + "'";
            return Future.failedFuture(new PermanentException("ShipHero refused " + what + " (" + reason(r)
                    + "): check the connection's ShipHero API user and password"));
        }
        return Future.failedFuture(new RetryableException("ShipHero " + path + " answered HTTP " + status));
    }

    private Tokens tokens(JsonObject j, String keptRefresh) {
        long now = now();
        long ttl = j.getLong("expires_in", Duration.ofDays(28).toSeconds());
        String refresh = j.getString("refresh_token", keptRefresh);
        return new Tokens(config.username(), j.getString("access_token"), refresh, now, now + ttl);
    }

    private static String reason(HttpResponse<Buffer> r) {
        try {
            JsonObject j = r.bodyAsJsonObject();
            String d = j == null ? null : j.getString("error_description", j.getString("error"));
            return d == null ? "HTTP " + r.statusCode() : d;
        } catch (RuntimeException e) {
            return "HTTP " + r.statusCode();
        }
    }

    private long now() {
        return clock.millis() / 1000;
    }
}
