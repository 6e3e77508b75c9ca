package dev.junction.plugin.brightpearl.sim;

import dev.junction.api.CheckResult;
import dev.junction.api.error.PermanentException;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.plugin.brightpearl.client.BrightpearlConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OAuth's {@code api_domain} becomes the API host when no {@code baseUrl} is set. The connection points only
 * its OAuth server at the simulator; the simulator's token response names itself as the api_domain, so a
 * passing check proves the API calls went there (no other host is reachable from the tests).
 */
class BrightpearlOAuthDomainTest extends SimulatorTestBase {
    private static final String REDIRECT = "http://127.0.0.1:9/oauth/callback";

    private JsonObject oauthSettings() {
        return new JsonObject().put("accountId", sim.accountCode()).put("authMode", "oauth").put("appRef", sim.appRef())
                .put("clientSecret", sim.clientSecret()).put("oauthUrl", server.baseUrl());
    }

    private void approve(HubConnectionContext ctx) throws Exception {
        String url = connector.authorizeUrl(ctx, REDIRECT, "st-domain");
        assertThat(url).startsWith(server.baseUrl() + "/oauth/authorize/" + sim.accountCode());
        var resp = web.getAbs(url).followRedirects(false).send().await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(302);
        String code = resp.getHeader("Location").replaceAll(".*[?&]code=([^&]+).*", "$1");
        await(connector.exchangeCode(ctx, URLDecoder.decode(code, StandardCharsets.UTF_8), REDIRECT));
    }

    private long apiCalls() throws Exception {
        return controlObject(HttpMethod.GET, "/stats", null).getLong("total");
    }

    @Test
    void withoutABaseUrlTheApiDomainOfTheTokenResponseIsTheHost() throws Exception {
        HubConnectionContext ctx = services.context(connector, "bp-domain", oauthSettings());
        CheckResult before = await(connector.check(ctx));
        assertThat(before.ok()).isFalse();
        assertThat(before.reason()).contains("not connected yet");

        approve(ctx);
        long calls = apiCalls();
        CheckResult after = await(connector.check(services.context(connector, "bp-domain", oauthSettings())));
        assertThat(after.ok()).as(after.reason()).isTrue();
        assertThat(apiCalls()).as("the check's request reached the simulator").isGreaterThan(calls);
    }

    @Test
    void theApiDomainWinsOverTheDatacenterCode() throws Exception {
        JsonObject settings = oauthSettings().put("datacenter", "euw1");
        assertThat(BrightpearlConfig.from(settings).baseUrl()).isEqualTo("https://euw1.brightpearlconnect.com");
        HubConnectionContext ctx = services.context(connector, "bp-domain-dc", settings);
        approve(ctx);
        CheckResult r = await(connector.check(services.context(connector, "bp-domain-dc", settings)));
        assertThat(r.ok()).as("answered by the api_domain host, not euw1: %s", r.reason()).isTrue();
    }

    @Test
    void anExplicitBaseUrlStillWins() throws Exception {
        // the base URL points at a closed port: if it is honoured over the api_domain, the check cannot succeed
        JsonObject settings = oauthSettings().put("baseUrl", "http://127.0.0.1:9");
        HubConnectionContext ctx = services.context(connector, "bp-domain-explicit", settings);
        approve(ctx);
        CheckResult r = await(connector.check(services.context(connector, "bp-domain-explicit", settings)));
        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).contains("127.0.0.1:9");
    }

    @Test
    void onlyOauthMayStartWithoutAHost() {
        JsonObject privateApp = new JsonObject().put("accountId", "acme").put("appRef", "a").put("accountToken", "t");
        assertThatThrownBy(() -> BrightpearlConfig.from(privateApp)).isInstanceOf(PermanentException.class)
                .hasMessageContaining("datacenter");
        BrightpearlConfig oauth = BrightpearlConfig.from(new JsonObject().put("accountId", "acme").put("authMode", "oauth")
                .put("appRef", "a"));
        assertThat(oauth.baseUrl()).isNull();
        assertThat(oauth.oauthBaseUrl()).isEqualTo("https://oauth.brightpearl.com");
        assertThat(oauth.limiterKey()).isEqualTo("brightpearl:oauth:acme");
    }
}
