package dev.junction.plugin.brightpearl.auth;

import io.vertx.core.json.JsonObject;

import java.time.Instant;

/**
 * The tokens of an OAuth instance app, persisted as one JSON value in the connection's encrypted state (one
 * key, so a refresh never leaves an access token paired with a stale refresh token).
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, String apiDomain,
                          String installationInstanceId) {

    static final String STATE_KEY = "oauth.tokens";

    /** Reads a token endpoint answer; a refresh answer may omit the refresh token and instance id: keep ours. */
    static OAuthTokens fromTokenResponse(JsonObject r, Instant now, OAuthTokens previous) {
        Long expiresIn = r.getLong("expires_in");
        String refresh = r.getString("refresh_token", previous == null ? null : previous.refreshToken);
        String instance = r.getValue("installation_instance_id") != null ? String.valueOf(r.getValue("installation_instance_id"))
                : previous == null ? null : previous.installationInstanceId;
        String domain = r.getString("api_domain", previous == null ? null : previous.apiDomain);
        return new OAuthTokens(r.getString("access_token"), refresh,
                expiresIn == null ? null : now.plusSeconds(expiresIn), domain, instance);
    }

    JsonObject toJson() {
        JsonObject j = new JsonObject().put("accessToken", accessToken).put("refreshToken", refreshToken)
                .put("apiDomain", apiDomain).put("installationInstanceId", installationInstanceId);
        if (expiresAt != null) {
            j.put("expiresAt", expiresAt.toString());
        }
        return j;
    }

    static OAuthTokens fromJson(JsonObject j) {
        String exp = j.getString("expiresAt");
        return new OAuthTokens(j.getString("accessToken"), j.getString("refreshToken"),
                exp == null ? null : Instant.parse(exp), j.getString("apiDomain"), j.getString("installationInstanceId"));
    }

    /** Renew a little early so a request never leaves with a token that expires in flight. */
    boolean expiresSoon(Instant now) {
        return expiresAt != null && now.isAfter(expiresAt.minusSeconds(120));
    }

    @Override
    public String toString() {
        return "OAuthTokens[expiresAt=" + expiresAt + ", apiDomain=" + apiDomain + "]";
    }
}
