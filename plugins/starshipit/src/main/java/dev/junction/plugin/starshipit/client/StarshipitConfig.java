package dev.junction.plugin.starshipit.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A connection's settings. {@code baseUrl} is the host root (the client appends {@code /api/...}); a pasted
 * URL ending in {@code /api} is accepted too.
 */
public record StarshipitConfig(String apiKey, String subscriptionKey, String baseUrl, String webhookSecret,
                               int requestsPerSecond) {

    public static final String DEFAULT_BASE_URL = "https://api.starshipit.com";
    /** What a Developer subscription allows; Production plans get 20/s after Starshipit approves them. */
    public static final int DEFAULT_REQUESTS_PER_SECOND = 2;

    public static StarshipitConfig from(JsonObject c) {
        String apiKey = trimmed(c.getString("apiKey"));
        String subscription = trimmed(c.getString("subscriptionKey"));
        if (apiKey == null || subscription == null) {
            throw new PermanentException("Starshipit needs both 'apiKey' and 'subscriptionKey': copy them from "
                    + "Settings > API in Starshipit");
        }
        String base = trimmed(c.getString("baseUrl"));
        int rps = DEFAULT_REQUESTS_PER_SECOND;
        Object raw = c.getValue("requestsPerSecond");
        if (raw != null && !String.valueOf(raw).isBlank()) {
            try {
                rps = Integer.parseInt(String.valueOf(raw).trim());
            } catch (NumberFormatException e) {
                throw new PermanentException("'requestsPerSecond' must be a whole number, got '" + raw + "'");
            }
            if (rps < 1) {
                throw new PermanentException("'requestsPerSecond' must be at least 1, got " + rps);
            }
        }
        return new StarshipitConfig(apiKey, subscription, normalise(base == null ? DEFAULT_BASE_URL : base),
                trimmed(c.getString("webhookSecret")), rps);
    }

    /** Absolute URL of an API path such as {@code /orders/shipped}. */
    public String api(String path) {
        return baseUrl + "/api" + path;
    }

    /**
     * Starshipit counts requests per API key, so every connection using the same key shares one budget. The
     * key is hashed: limiter keys show up in metrics and logs.
     */
    public String limiterKey() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return "starshipit:" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalise(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.endsWith("/api") ? u.substring(0, u.length() - 4) : u;
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "StarshipitConfig[baseUrl=" + baseUrl + ", requestsPerSecond=" + requestsPerSecond
                + ", apiKey=***, subscriptionKey=***, webhookSecret=" + (webhookSecret == null ? "none" : "***") + "]";
    }
}
