package dev.junction.plugin.shiphero.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

/**
 * A connection's settings.
 *
 * @param username the ShipHero API user's e-mail; also keys the credit limiter, since ShipHero counts
 *                 credits per account, not per connection
 * @param password its password (secret: never logged, never in a message)
 * @param baseUrl  {@code https://public-api.shiphero.com}, or the sandbox
 */
public record ShipHeroConfig(String username, String password, String baseUrl) {
    public static final String DEFAULT_BASE_URL = "https://public-api.shiphero.com";

    public static ShipHeroConfig of(JsonObject config) {
        String username = trimmed(config.getString("username"));
        String password = config.getString("password");
        if (username == null) {
            throw new PermanentException("'username' is required: the e-mail of your ShipHero API user");
        }
        if (password == null || password.isEmpty()) {
            throw new PermanentException("'password' is required: the password of ShipHero API user " + username);
        }
        String base = trimmed(config.getString("baseUrl"));
        base = base == null ? DEFAULT_BASE_URL : base;
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return new ShipHeroConfig(username, password, base);
    }

    public String limiterKey() {
        return "shiphero:" + username.toLowerCase();
    }

    @Override
    public String toString() {
        return "ShipHeroConfig[username=" + username + ", baseUrl=" + baseUrl + "]";
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
