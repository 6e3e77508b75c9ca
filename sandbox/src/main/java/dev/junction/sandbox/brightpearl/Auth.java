package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The three ways a client authenticates: a private system app (app-ref + account token), a staff/legacy
 * token from {@code POST /{account}/authorise} that expires after idle time, and OAuth (authorization code
 * and refresh grants at {@code POST /token/{account}}, then {@code Authorization: Bearer}).
 */
final class Auth {
    static final String NOT_AUTHENTICATED = "Not authenticated. You must provide a valid authentication token.";
    static final String EXPIRED = "Authorization token expired";

    private final BpState state;
    private final BrightpearlOptions options;
    private final Random random;
    /** staff token → last use (ms). */
    private final Map<String, Long> staffTokens = new ConcurrentHashMap<>();
    /** access token → expiry (ms). */
    private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
    /** authorization code → redirect uri it was issued for. */
    private final Map<String, String> codes = new ConcurrentHashMap<>();

    Auth(BpState state) {
        this.state = state;
        this.options = state.options;
        this.random = new Random(options.seed() * 31 + 7);
    }

    void reset() {
        staffTokens.clear();
        accessTokens.clear();
        refreshTokens.clear();
        codes.clear();
    }

    /** Makes every issued staff and access token expired, so clients can be tested on re-authentication. */
    void expireAll() {
        staffTokens.replaceAll((t, used) -> Long.MIN_VALUE / 2);
        accessTokens.replaceAll((t, exp) -> Long.MIN_VALUE / 2);
    }

    /** Throws the 401 Brightpearl would send when the request carries no valid credentials. */
    void check(RoutingContext ctx) {
        var h = ctx.request().headers();
        long now = state.now().toEpochMilli();
        String authorization = h.get("Authorization");
        String appRef = h.get("brightpearl-app-ref");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            Long expires = accessTokens.get(token);
            if (expires == null || !options.appRef().equals(appRef)) {
                throw BpException.responseText(401, NOT_AUTHENTICATED);
            }
            if (now >= expires) {
                throw BpException.responseText(401, EXPIRED);
            }
            return;
        }
        String accountToken = h.get("brightpearl-account-token");
        if (accountToken != null) {
            if (!accountToken.equals(options.accountToken()) || !options.appRef().equals(appRef)) {
                throw BpException.responseText(401, NOT_AUTHENTICATED);
            }
            return;
        }
        String staff = h.get("brightpearl-staff-token");
        if (staff == null) {
            staff = h.get("brightpearl-auth");
        }
        if (staff != null) {
            Long used = staffTokens.get(staff);
            if (used == null) {
                throw BpException.responseText(401, NOT_AUTHENTICATED);
            }
            if (now - used >= state.staffTokenIdle.toMillis()) {
                throw BpException.responseText(401, EXPIRED);
            }
            staffTokens.put(staff, now); // idle expiry: every use extends the session
            return;
        }
        throw BpException.responseText(401, NOT_AUTHENTICATED);
    }

    void routes(Router router) {
        router.post("/:account/authorise").handler(BpHttp.handle(this::authorise));
        router.post("/token/:account").handler(BpHttp.handle(this::token));
        router.post("/:account/oauth/token").handler(BpHttp.handle(this::token));
        router.get("/oauth/authorize/:account").handler(this::authorizePage);
    }

    private Object authorise(RoutingContext ctx) {
        checkAccount(ctx.pathParam("account"));
        JsonObject creds = BpHttp.body(ctx).getJsonObject("apiAccountCredentials");
        if (creds == null) {
            throw BpException.badRequest("CMNC-010", "Expected {\"apiAccountCredentials\":{\"emailAddress\",\"password\"}}");
        }
        if (!options.staffEmail().equalsIgnoreCase(creds.getString("emailAddress", ""))
                || !options.staffPassword().equals(creds.getString("password"))) {
            throw BpException.responseText(401, "Not authenticated. Invalid email address or password.");
        }
        String token = newToken();
        staffTokens.put(token, state.now().toEpochMilli());
        return token;
    }

    /** {@code GET /oauth/authorize/{account}}: a real user would approve here; the simulator approves at once. */
    private void authorizePage(RoutingContext ctx) {
        try {
            checkAccount(ctx.pathParam("account"));
            String redirect = ctx.request().getParam("redirect_uri");
            if (!"code".equals(ctx.request().getParam("response_type")) || redirect == null
                    || !options.appRef().equals(ctx.request().getParam("client_id"))) {
                throw BpException.badRequest("invalid_request",
                        "response_type=code, client_id (the app reference) and redirect_uri are required");
            }
            String code = newToken();
            codes.put(code, redirect);
            String state = ctx.request().getParam("state");
            String location = redirect + (redirect.contains("?") ? "&" : "?") + "code=" + enc(code)
                    + (state == null ? "" : "&state=" + enc(state));
            ctx.response().setStatusCode(302).putHeader("Location", location).end();
        } catch (BpException e) {
            BpHttp.fail(ctx, e);
        }
    }

    private Object token(RoutingContext ctx) {
        String account = ctx.pathParam("account");
        checkAccount(account == null ? ctx.request().getParam("account_code") : account);
        var p = ctx.request().params();
        String grant = p.get("grant_type");
        if (!options.appRef().equals(p.get("client_id"))) {
            return oauthError("invalid_client", "Client authentication failed");
        }
        if ("authorization_code".equals(grant)) {
            if (!options.clientSecret().equals(p.get("client_secret"))) {
                return oauthError("invalid_client", "Client authentication failed");
            }
            String redirect = codes.remove(p.get("code") == null ? "" : p.get("code"));
            if (redirect == null) {
                return oauthError("invalid_grant", "The auth token has either expired or does not exist");
            }
            if (!redirect.equals(p.get("redirect_uri"))) {
                return oauthError("redirect_uri_mismatch", "The redirect_uri does not match the one authorised");
            }
            return issue(true);
        }
        if ("refresh_token".equals(grant)) {
            String refresh = p.get("refresh_token");
            if (refresh == null || refreshTokens.remove(refresh) == null) {
                return oauthError("invalid_grant", "The auth token has either expired or does not exist");
            }
            return issue(false);
        }
        return oauthError("unsupported_grant_type", "grant_type must be authorization_code or refresh_token");
    }

    private BpHttp.Raw issue(boolean withInstance) {
        String access = newToken();
        String refresh = newToken();
        long lifetime = state.accessTokenLifetime.toMillis();
        accessTokens.put(access, state.now().toEpochMilli() + lifetime);
        refreshTokens.put(refresh, true);
        JsonObject body = new JsonObject().put("access_token", access).put("refresh_token", refresh);
        if (withInstance) {
            body.put("installation_instance_id", options.installationInstanceId());
        }
        body.put("api_domain", apiDomain).put("token_type", "Bearer").put("expires_in", lifetime / 1000);
        return new BpHttp.Raw(200, body);
    }

    private volatile String apiDomain = "127.0.0.1";

    void baseUrl(String baseUrl) {
        apiDomain = baseUrl.replaceFirst("^https?://", "");
    }

    private static BpHttp.Raw oauthError(String error, String description) {
        return new BpHttp.Raw(400, new JsonObject().put("error", error).put("error_description", description));
    }

    private void checkAccount(String account) {
        if (!options.accountCode().equals(account)) {
            throw BpException.responseText(401, NOT_AUTHENTICATED);
        }
    }

    private String newToken() {
        byte[] b = new byte[16];
        synchronized (random) {
            random.nextBytes(b);
        }
        String hex = HexFormat.of().formatHex(b);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
