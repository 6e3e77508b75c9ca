package dev.junction.plugin.bigcommerce.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

/**
 * A connection's settings. {@code apiBase} is the store's API root without the version segment, e.g.
 * {@code https://api.bigcommerce.com/stores/abc123}, so that {@code /v2/...} and {@code /v3/...} paths
 * append to it.
 */
public record BigCommerceConfig(String storeHash, String accessToken, String clientId, String apiBase) {

    public static final String DEFAULT_HOST = "https://api.bigcommerce.com/stores/";

    public static BigCommerceConfig from(JsonObject config) {
        String storeHash = trimmed(config.getString("storeHash"));
        String token = trimmed(config.getString("accessToken"));
        if (storeHash == null) {
            throw new PermanentException("'storeHash' is missing: copy it from the API path shown when you created "
                    + "the BigCommerce API account (https://api.bigcommerce.com/stores/{storeHash}/v3/)");
        }
        if (token == null) {
            throw new PermanentException("'accessToken' is missing: paste the access token of the BigCommerce API account");
        }
        String baseUrl = trimmed(config.getString("baseUrl"));
        String apiBase = baseUrl == null ? DEFAULT_HOST + storeHash : stripSlash(baseUrl);
        return new BigCommerceConfig(storeHash, token, trimmed(config.getString("clientId")), apiBase);
    }

    /** Key of the shared rate limiter: BigCommerce counts requests per store, across all apps and tokens. */
    public String limiterKey() {
        return "bigcommerce:" + storeHash;
    }

    private static String stripSlash(String url) {
        String u = url;
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        // Accept a pasted ".../v2" or ".../v3" as well: the client appends the version per call.
        if (u.endsWith("/v2") || u.endsWith("/v3")) {
            u = u.substring(0, u.length() - 3);
        }
        return u;
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "BigCommerceConfig[storeHash=" + storeHash + ", apiBase=" + apiBase + ", accessToken=***]";
    }
}
