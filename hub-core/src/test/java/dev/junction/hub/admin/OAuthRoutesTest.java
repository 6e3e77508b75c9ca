package dev.junction.hub.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** OAuth sign-in through the hub: consent URL from the API, the remote's redirect back, the code exchanged once. */
class OAuthRoutesTest extends AdminApiTestBase {

    @Test
    void signInCompletesThroughTheCallbackAndTheStateWorksOnce() throws Exception {
        HttpResponse<Buffer> started = post("/connections/src/oauth/authorize", null);
        assertThat(started.statusCode()).isEqualTo(200);
        JsonObject body = json(started);
        assertThat(body.getString("redirectUri")).isEqualTo(hub.publicUrl() + "/oauth/callback");
        // the merchant's browser visits the consent page, which redirects back to the hub
        HttpResponse<Buffer> consent = client.getAbs(body.getString("authorizeUrl")).followRedirects(false)
                .send().await(10, TimeUnit.SECONDS);
        assertThat(consent.statusCode()).isEqualTo(302);
        String callback = consent.getHeader("Location");
        assertThat(callback).startsWith(hub.publicUrl() + "/oauth/callback?code=");

        HttpResponse<Buffer> done = client.getAbs(callback).send().await(10, TimeUnit.SECONDS);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.bodyAsString()).contains("is signed in");
        assertThat(hub.store().connectionState("src", "oauthToken").await(5, TimeUnit.SECONDS))
                .as("the token is kept in the connection's encrypted state").contains("access-granted-code");

        HttpResponse<Buffer> replay = client.getAbs(callback).send().await(10, TimeUnit.SECONDS);
        assertThat(replay.statusCode()).as("a state is good once").isEqualTo(400);
        assertThat(replay.bodyAsString()).contains("expired or unknown");
    }

    @Test
    void aForgedCallbackIsRefusedAndAuthorizeNeedsTheAdminToken() throws Exception {
        HttpResponse<Buffer> forged = client.getAbs(hub.publicUrl() + "/oauth/callback?code=granted-code&state=made-up")
                .send().await(10, TimeUnit.SECONDS);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(hub.store().connectionState("src", "oauthToken").await(5, TimeUnit.SECONDS)).isEmpty();
        HttpResponse<Buffer> anonymous = client.postAbs(hub.publicUrl() + "/api/v1/connections/src/oauth/authorize")
                .send().await(10, TimeUnit.SECONDS);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(post("/connections/nope/oauth/authorize", null).statusCode()).isEqualTo(404);
    }
}
