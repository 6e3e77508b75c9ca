package dev.junction.sandbox.shiphero;

import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * ShipHero's token endpoints (Auth0 behind {@code /auth/token}): access tokens are JWT-shaped strings that
 * expire after {@link ShipHeroOptions#tokenTtl()}; refresh tokens live as long as the account.
 */
final class ShipHeroAuth {
    enum Check { OK, MISSING, INVALID, EXPIRED }

    private final ShipHeroOptions options;
    private final ShipHeroStore store;
    private final Map<String, Long> accessTokens = new HashMap<>();
    private final Map<String, String> refreshTokens = new HashMap<>();

    ShipHeroAuth(ShipHeroOptions options, ShipHeroStore store) {
        this.options = options;
        this.store = store;
    }

    /** {@code POST /auth/token}; null when the credentials are wrong. */
    synchronized JsonObject login(String username, String password) {
        if (!options.username().equals(username) || !options.password().equals(password)) return null;
        String refresh = store.randomHex(20);
        refreshTokens.put(refresh, username);
        return issue().put("refresh_token", refresh);
    }

    /** {@code POST /auth/refresh}; null when the refresh token is unknown. */
    synchronized JsonObject refresh(String refreshToken) {
        if (refreshToken == null || !refreshTokens.containsKey(refreshToken)) return null;
        return issue();
    }

    synchronized Check check(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) return Check.MISSING;
        Long expires = accessTokens.get(authorization.substring(7).trim());
        if (expires == null) return Check.INVALID;
        return System.currentTimeMillis() >= expires ? Check.EXPIRED : Check.OK;
    }

    synchronized void reset() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    private JsonObject issue() {
        long ttl = options.tokenTtl().toSeconds();
        long exp = System.currentTimeMillis() / 1000 + ttl;
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String payload = b64(new JsonObject().put("sub", options.username()).put("exp", exp)
                .put("jti", store.randomHex(8)).encode());
        String token = header + "." + payload + "." + b64(store.randomHex(32));
        accessTokens.put(token, System.currentTimeMillis() + options.tokenTtl().toMillis());
        return new JsonObject().put("access_token", token).put("expires_in", ttl)
                .put("scope", "openid profile offline_access").put("token_type", "Bearer");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
