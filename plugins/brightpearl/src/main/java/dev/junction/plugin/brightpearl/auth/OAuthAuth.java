package dev.junction.plugin.brightpearl.auth;

import dev.junction.api.error.PermanentException;
import dev.junction.api.http.RateLimitedClient;
import dev.junction.api.service.ConnectionState;
import dev.junction.plugin.brightpearl.client.BrightpearlConfig;
import dev.junction.plugin.brightpearl.client.BrightpearlPermanentException;
import dev.junction.plugin.brightpearl.client.Envelope;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * OAuth instance app: {@code Authorization: Bearer} plus the app reference. The access token is refreshed
 * with the refresh token shortly before it expires, and once more if Brightpearl answers 401 "expired".
 * Tokens live in the connection's encrypted state; the hub's admin API starts the flow through
 * {@link #authorizeUrl} and finishes it through {@link #exchangeCode}.
 */
public final class OAuthAuth implements Authenticator {
    private final BrightpearlConfig config;
    private final RateLimitedClient http;
    private final ConnectionState state;
    private final Clock clock;
    private volatile OAuthTokens tokens;
    private Future<OAuthTokens> refreshing;

    public OAuthAuth(BrightpearlConfig config, RateLimitedClient http, ConnectionState state, Clock clock) {
        this.config = config;
        this.http = http;
        this.state = state;
        this.clock = clock;
    }

    /** The page to send the merchant to so they approve the app for their account. */
    public String authorizeUrl(String redirectUri, String stateParam) {
        return config.oauthAuthorizeUrl() + enc(config.accountId()) + "?response_type=code&client_id="
                + enc(config.appRef()) + "&redirect_uri=" + enc(redirectUri) + "&state=" + enc(stateParam);
    }

    /** Trades the code Brightpearl sent to the redirect URI for tokens, and keeps them. */
    public Future<OAuthTokens> exchangeCode(String code, String redirectUri) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", config.appRef());
        if (config.clientSecret() != null) {
            form.put("client_secret", config.clientSecret());
        }
        form.put("redirect_uri", redirectUri);
        return token(form, null, "the authorization code was refused: start the connection again from the hub");
    }

    @Override
    public Future<Map<String, String>> headers() {
        return current().compose(t -> t.expiresSoon(clock.instant()) ? refresh(t) : Future.succeededFuture(t))
                .map(t -> {
                    Map<String, String> h = new HashMap<>();
                    h.put("Authorization", "Bearer " + t.accessToken());
                    h.put("brightpearl-app-ref", config.appRef());
                    if (config.devRef() != null) {
                        h.put("brightpearl-dev-ref", config.devRef());
                    }
                    return h;
                });
    }

    private Future<OAuthTokens> current() {
        OAuthTokens t = tokens;
        if (t != null) {
            return Future.succeededFuture(t);
        }
        return state.get(OAuthTokens.STATE_KEY).compose(saved -> {
            if (saved.isEmpty()) {
                return Future.failedFuture(new PermanentException("Brightpearl account '" + config.accountId()
                        + "' is not connected yet: approve the app in Brightpearl from the hub's Connect button"));
            }
            tokens = OAuthTokens.fromJson(new JsonObject(saved.get()));
            return Future.succeededFuture(tokens);
        });
    }

    /**
     * {@code https://{api_domain}} from the token response: Brightpearl's help calls it definitive for the
     * account's API host. An explicit {@code baseUrl} still wins (the sandbox, a proxy). A domain without a
     * scheme takes the OAuth server's ({@code https} live).
     */
    @Override
    public Optional<String> apiBaseUrl() {
        OAuthTokens t = tokens;
        if (config.baseUrlExplicit() || t == null || t.apiDomain() == null || t.apiDomain().isBlank()) {
            return Optional.empty();
        }
        String domain = t.apiDomain().trim();
        while (domain.endsWith("/")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return Optional.of(domain.contains("://") ? domain : config.oauthScheme() + "://" + domain);
    }

    @Override
    public boolean renewable(String remoteMessage) {
        return remoteMessage != null && remoteMessage.toLowerCase(Locale.ROOT).contains("expired");
    }

    @Override
    public Future<Void> renew() {
        return current().compose(this::refresh).mapEmpty();
    }

    /** One refresh at a time: requests that all saw the token expire share it. */
    private synchronized Future<OAuthTokens> refresh(OAuthTokens old) {
        if (refreshing != null && !refreshing.isComplete()) {
            return refreshing;
        }
        if (old.refreshToken() == null) {
            return Future.failedFuture(new PermanentException(refused("no refresh token was kept")));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", old.refreshToken());
        form.put("client_id", config.appRef());
        if (config.clientSecret() != null) {
            form.put("client_secret", config.clientSecret());
        }
        refreshing = token(form, old, "the refresh token is no longer valid: reconnect the app from the hub");
        return refreshing;
    }

    private Future<OAuthTokens> token(Map<String, String> form, OAuthTokens previous, String advice) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        var request = http.webClient().postAbs(config.oauthBaseUrl() + "/token/" + enc(config.accountId()))
                .putHeader("Content-Type", "application/x-www-form-urlencoded");
        return http.send(request, Buffer.buffer(body)).compose(resp -> {
            Object answer;
            try {
                answer = Envelope.parse(resp.statusCode(), resp.bodyAsString(), "POST /token", this::refused, Optional.empty());
            } catch (BrightpearlPermanentException e) {
                return Future.failedFuture(new PermanentException("Brightpearl OAuth for account '" + config.accountId()
                        + "': " + advice + " (Brightpearl said: " + e.errors().get(0) + ")"));
            } catch (RuntimeException e) {
                return Future.failedFuture(e);
            }
            if (!(answer instanceof JsonObject r) || r.getString("access_token") == null) {
                return Future.failedFuture(new PermanentException("Brightpearl OAuth for account '"
                        + config.accountId() + "' answered without an access token: " + advice));
            }
            OAuthTokens fresh = OAuthTokens.fromTokenResponse(r, clock.instant(), previous);
            tokens = fresh;
            return state.put(OAuthTokens.STATE_KEY, fresh.toJson().encode()).map(fresh);
        });
    }

    @Override
    public String refused(String remoteMessage) {
        return "Brightpearl refused the OAuth token for account '" + config.accountId()
                + "': reconnect the app from the hub (Connect) and approve it in Brightpearl (Brightpearl said: "
                + remoteMessage + ")";
    }

    private static String enc(String v) {
        return URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8);
    }
}
