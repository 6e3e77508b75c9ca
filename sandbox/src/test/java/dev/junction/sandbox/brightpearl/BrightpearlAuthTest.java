package dev.junction.sandbox.brightpearl;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrightpearlAuthTest extends BrightpearlTestSupport {
    private static final String WAREHOUSES = "/warehouse-service/warehouse";

    @Override
    protected BrightpearlOptions options() {
        // short lifetimes so expiry can be observed within the test
        return super.options().withTokenLifetimes(Duration.ofMillis(300), Duration.ofMillis(300));
    }

    @Test
    void privateAppGoodAndBad() throws Exception {
        assertThat(get(WAREHOUSES).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> bad = await(raw(HttpMethod.GET, api(WAREHOUSES))
                .putHeader("brightpearl-app-ref", opts.appRef()).putHeader("brightpearl-account-token", "nope").send());
        assertNotAuthenticated(bad);
        HttpResponse<Buffer> none = await(raw(HttpMethod.GET, api(WAREHOUSES)).send());
        assertNotAuthenticated(none);
        assertThat(none.getHeader("brightpearl-requests-remaining")).isNotNull();
        assertThat(none.getHeader("brightpearl-next-throttle-period")).isNotNull();
    }

    @Test
    void wrongAccountIsRejected() throws Exception {
        HttpResponse<Buffer> r = await(raw(HttpMethod.GET, "/public-api/otheraccount" + WAREHOUSES)
                .putHeader("brightpearl-app-ref", opts.appRef())
                .putHeader("brightpearl-account-token", opts.accountToken()).send());
        assertNotAuthenticated(r);
    }

    @Test
    void staffTokenWorksInBothHeadersAndExpiresWhenIdle() throws Exception {
        String token = authorise(opts.staffEmail(), opts.staffPassword());
        assertThat(await(raw(HttpMethod.GET, api(WAREHOUSES)).putHeader("brightpearl-auth", token).send())
                .statusCode()).isEqualTo(200);
        assertThat(await(raw(HttpMethod.GET, api(WAREHOUSES)).putHeader("brightpearl-app-ref", opts.appRef())
                .putHeader("brightpearl-staff-token", token).send()).statusCode()).isEqualTo(200);
        assertNotAuthenticated(await(raw(HttpMethod.GET, api(WAREHOUSES)).putHeader("brightpearl-auth", "bogus").send()));

        // stay idle longer than the 300 ms idle lifetime (any use would extend it), then try again
        Thread.sleep(opts.staffTokenIdle().toMillis() + 200);
        HttpResponse<Buffer> r = await(raw(HttpMethod.GET, api(WAREHOUSES)).putHeader("brightpearl-auth", token).send());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject().put("response", "Authorization token expired"));
    }

    @Test
    void badStaffCredentialsAre401() throws Exception {
        HttpResponse<Buffer> r = await(raw(HttpMethod.POST, "/" + opts.accountCode() + "/authorise")
                .sendJsonObject(credentials(opts.staffEmail(), "wrong")));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject().getString("response")).contains("Not authenticated");
    }

    @Test
    void oauthCodeFlowRefreshAndExpiry() throws Exception {
        String redirect = "http://127.0.0.1:1/callback";
        HttpResponse<Buffer> page = await(raw(HttpMethod.GET, "/oauth/authorize/" + opts.accountCode()
                + "?response_type=code&client_id=" + opts.appRef() + "&redirect_uri=" + redirect + "&state=xyz").send());
        assertThat(page.statusCode()).isEqualTo(302);
        URI location = URI.create(page.getHeader("Location"));
        assertThat(location.getPath()).isEqualTo("/callback");
        assertThat(location.getQuery()).contains("state=xyz");
        String code = location.getQuery().replaceAll(".*code=([^&]+).*", "$1");

        HttpResponse<Buffer> tok = form("/token/" + opts.accountCode(), Map.of("grant_type", "authorization_code",
                "code", code, "client_id", opts.appRef(), "client_secret", opts.clientSecret(), "redirect_uri", redirect));
        JsonObject t = okJson(tok);
        assertThat(t.getString("token_type")).isEqualTo("Bearer");
        assertThat(t.getString("installation_instance_id")).isEqualTo(opts.installationInstanceId());
        assertThat(t.fieldNames()).contains("access_token", "refresh_token", "api_domain", "expires_in");

        // the code is single-use
        HttpResponse<Buffer> reuse = form("/token/" + opts.accountCode(), Map.of("grant_type", "authorization_code",
                "code", code, "client_id", opts.appRef(), "client_secret", opts.clientSecret(), "redirect_uri", redirect));
        assertThat(reuse.statusCode()).isEqualTo(400);
        assertThat(reuse.bodyAsJsonObject().getString("error")).isEqualTo("invalid_grant");

        assertThat(bearer(t.getString("access_token")).statusCode()).isEqualTo(200);
        assertNotAuthenticated(bearer("not-a-token"));

        long start = System.currentTimeMillis();
        HttpResponse<Buffer> r;
        do {
            Thread.sleep(100);
            r = bearer(t.getString("access_token"));
        } while (r.statusCode() == 200 && System.currentTimeMillis() - start < 5000);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject().getString("response")).isEqualTo("Authorization token expired");

        JsonObject refreshed = okJson(form("/token/" + opts.accountCode(), Map.of("grant_type", "refresh_token",
                "refresh_token", t.getString("refresh_token"), "client_id", opts.appRef())));
        assertThat(refreshed.containsKey("installation_instance_id")).isFalse();
        assertThat(bearer(refreshed.getString("access_token")).statusCode()).isEqualTo(200);
    }

    @Test
    void controlApiCanExpireTokens() throws Exception {
        control(HttpMethod.PUT, "/options", new JsonObject().put("staffTokenIdleMs", 3_600_000));
        String token = authorise(opts.staffEmail(), opts.staffPassword());
        assertThat(await(raw(HttpMethod.GET, api(WAREHOUSES)).putHeader("brightpearl-auth", token).send())
                .statusCode()).isEqualTo(200);
        control(HttpMethod.POST, "/tokens/expire", null);
        HttpResponse<Buffer> r = await(raw(HttpMethod.GET, api(WAREHOUSES)).putHeader("brightpearl-auth", token).send());
        assertThat(r.bodyAsJsonObject().getString("response")).isEqualTo("Authorization token expired");
    }

    private HttpResponse<Buffer> bearer(String token) throws Exception {
        return await(raw(HttpMethod.GET, api(WAREHOUSES)).putHeader("Authorization", "Bearer " + token)
                .putHeader("brightpearl-app-ref", opts.appRef()).send());
    }

    private String authorise(String email, String password) throws Exception {
        HttpResponse<Buffer> r = await(raw(HttpMethod.POST, "/" + opts.accountCode() + "/authorise")
                .sendJsonObject(credentials(email, password)));
        return okJson(r).getString("response");
    }

    private static JsonObject credentials(String email, String password) {
        return new JsonObject().put("apiAccountCredentials",
                new JsonObject().put("emailAddress", email).put("password", password));
    }

    private static void assertNotAuthenticated(HttpResponse<Buffer> r) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.bodyAsJsonObject()).isEqualTo(new JsonObject()
                .put("response", "Not authenticated. You must provide a valid authentication token."));
    }
}
