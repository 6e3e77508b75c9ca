package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.Locale;

/**
 * A connection's settings, validated once. The API base URL comes from an explicit {@code baseUrl} (the
 * sandbox, or the {@code api_domain} an OAuth install reported) or from the datacenter code: current hosts
 * ({@code euw1}, {@code use1}, {@code usw1} ...) live under {@code brightpearlconnect.com}, the older ones
 * ({@code ws-eu1}, {@code ws-use}, {@code ws-usw}) under {@code brightpearl.com}.
 */
public record BrightpearlConfig(String baseUrl, String host, String accountId, AuthMode authMode, String appRef,
                                String accountToken, String email, String password, String clientSecret,
                                String devRef, String installedIntegrationInstanceId, String oauthBaseUrl) {

    static final String OAUTH_HOST = "https://oauth.brightpearl.com";

    public enum AuthMode {
        PRIVATE_APP("private-app"), STAFF("staff"), OAUTH("oauth");

        public final String configValue;

        AuthMode(String configValue) {
            this.configValue = configValue;
        }

        static AuthMode of(String v) {
            for (AuthMode m : values()) {
                if (m.configValue.equalsIgnoreCase(v)) {
                    return m;
                }
            }
            throw new PermanentException("'authMode' must be private-app, staff or oauth, got '" + v + "'");
        }
    }

    public static BrightpearlConfig from(JsonObject c) {
        String account = text(c, "accountId");
        if (account == null) {
            throw new PermanentException("'accountId' is required: the account code you log in to Brightpearl with");
        }
        String explicit = text(c, "baseUrl");
        String base = explicit != null ? trimSlash(explicit) : datacenterUrl(text(c, "datacenter"));
        String host = URI.create(base).getAuthority();
        AuthMode mode = AuthMode.of(c.getString("authMode", "private-app"));
        BrightpearlConfig cfg = new BrightpearlConfig(base, host, account, mode, text(c, "appRef"),
                text(c, "accountToken"), text(c, "email"), text(c, "password"), text(c, "clientSecret"),
                text(c, "devRef"), text(c, "installedIntegrationInstanceId"),
                // the sandbox serves /authorize and /token itself; the real ones live on oauth.brightpearl.com
                explicit != null ? base : OAUTH_HOST);
        cfg.requireCredentials();
        return cfg;
    }

    static String datacenterUrl(String code) {
        if (code == null) {
            throw new PermanentException("Set 'datacenter' (e.g. euw1, use1, usw1, or ws-eu1/ws-use/ws-usw for "
                    + "older accounts; it is in your Brightpearl web address) or an explicit 'baseUrl'");
        }
        String dc = code.trim().toLowerCase(Locale.ROOT);
        if (dc.matches("ws-[a-z]+[0-9]*")) {
            return "https://" + dc + ".brightpearl.com";
        }
        if (dc.matches("[a-z]{2,6}[0-9]{1,2}")) {
            return "https://" + dc + ".brightpearlconnect.com";
        }
        throw new PermanentException("'datacenter' must be a Brightpearl datacenter code such as euw1, use1, usw1 "
                + "or ws-eu1, got '" + code + "'");
    }

    private void requireCredentials() {
        switch (authMode) {
            case PRIVATE_APP -> require(appRef != null && accountToken != null,
                    "private-app mode needs 'appRef' and 'accountToken' (App Store > Private Apps in Brightpearl)");
            case STAFF -> require(email != null && password != null,
                    "staff mode needs the API user's 'email' and 'password' (a staff user with the API column "
                            + "checked on the List staff page)");
            case OAUTH -> require(appRef != null,
                    "oauth mode needs 'appRef' (the app's client id) and, to renew tokens, 'clientSecret'");
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new PermanentException(message);
        }
    }

    /** {@code {base}/public-api/{account}{path}}, path starting with the service ({@code /order-service/...}). */
    public String apiUrl(String path) {
        return baseUrl + "/public-api/" + accountId + path;
    }

    /** The legacy/staff login URL: no {@code public-api} segment. */
    public String authoriseUrl() {
        return baseUrl + "/" + accountId + "/authorise";
    }

    /**
     * Where a merchant approves an OAuth app: {@code oauth.brightpearl.com/authorize/{account}}; the sandbox
     * serves the page under its own {@code /oauth/authorize/{account}}.
     */
    public String oauthAuthorizeUrl() {
        return oauthBaseUrl + (oauthBaseUrl.equals(OAUTH_HOST) ? "" : "/oauth") + "/authorize/";
    }

    /** Limiter key: every connection to one account shares Brightpearl's one budget. */
    public String limiterKey() {
        return "brightpearl:" + host + ":" + accountId;
    }

    private static String text(JsonObject c, String key) {
        Object v = c.getValue(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }

    private static String trimSlash(String url) {
        String u = url.trim();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** Secrets are never printed, even by accident. */
    @Override
    public String toString() {
        return "BrightpearlConfig[" + baseUrl + ", account=" + accountId + ", auth=" + authMode.configValue + "]";
    }
}
