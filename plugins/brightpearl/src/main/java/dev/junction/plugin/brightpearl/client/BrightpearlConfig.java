package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.Locale;

/**
 * A connection's settings, validated once. The API base URL comes from an explicit {@code baseUrl} (the
 * sandbox, or a host Brightpearl gave you), else, in OAuth mode, from the {@code api_domain} of the token
 * response (Brightpearl calls it definitive; see {@code OAuthAuth#apiBaseUrl}), else from the datacenter
 * code: current hosts ({@code euw1}, {@code use1}, {@code usw1} ...) live under {@code brightpearlconnect.com},
 * the older ones ({@code ws-eu1}, {@code ws-use}, {@code ws-usw}) under {@code brightpearl.com}. An OAuth
 * connection may leave out both and learn its host when the app is approved ({@code baseUrl} is then null).
 *
 * @param baseUrlExplicit whether {@code baseUrl} was set by the merchant (then it wins over {@code api_domain})
 */
public record BrightpearlConfig(String baseUrl, String host, String accountId, AuthMode authMode, String appRef,
                                String accountToken, String email, String password, String clientSecret,
                                String devRef, String installedIntegrationInstanceId, String oauthBaseUrl,
                                boolean baseUrlExplicit) {

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
        AuthMode mode = AuthMode.of(c.getString("authMode", "private-app"));
        String datacenter = text(c, "datacenter");
        // OAuth learns its host from the token response, so it alone may start without one
        String base = explicit != null ? trimSlash(explicit)
                : datacenter == null && mode == AuthMode.OAUTH ? null : datacenterUrl(datacenter);
        String host = base == null ? null : URI.create(base).getAuthority();
        String oauth = text(c, "oauthUrl");
        BrightpearlConfig cfg = new BrightpearlConfig(base, host, account, mode, text(c, "appRef"),
                text(c, "accountToken"), text(c, "email"), text(c, "password"), text(c, "clientSecret"),
                text(c, "devRef"), text(c, "installedIntegrationInstanceId"),
                // the sandbox serves /authorize and /token itself; the real ones live on oauth.brightpearl.com
                oauth != null ? trimSlash(oauth) : explicit != null ? base : OAUTH_HOST, explicit != null);
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
        return apiUrl(baseUrl, path);
    }

    /** The same under another base (the OAuth {@code api_domain}). */
    public String apiUrl(String base, String path) {
        if (base == null) {
            throw new PermanentException("Brightpearl account '" + accountId + "' has no API host yet: set 'datacenter' "
                    + "(e.g. euw1, use1) or 'baseUrl', or connect the OAuth app so Brightpearl reports it");
        }
        return base + "/public-api/" + accountId + path;
    }

    /** The scheme of the OAuth server ({@code https} live, {@code http} for the sandbox). */
    public String oauthScheme() {
        String scheme = URI.create(oauthBaseUrl).getScheme();
        return scheme == null ? "https" : scheme;
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
        // an OAuth connection without a configured host is keyed before it knows its api_domain
        return "brightpearl:" + (host == null ? "oauth" : host) + ":" + accountId;
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
        return "BrightpearlConfig[" + (baseUrl == null ? "api_domain from OAuth" : baseUrl) + ", account=" + accountId + ", auth=" + authMode.configValue + "]";
    }
}
