package dev.junction.hub.admin;

import dev.junction.hub.testing.TestHub;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint but the OpenAPI document needs the admin token; /health and /ready never do. */
class AdminAuthTest extends AdminApiTestBase {

    @Test
    void requestWithoutTokenIsRefusedWithAJsonErrorSayingWhatToSend() throws Exception {
        HttpResponse<Buffer> r = sendAs(null, HttpMethod.GET, "/status", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.getHeader("WWW-Authenticate")).startsWith("Bearer");
        assertThat(json(r).getInteger("status")).isEqualTo(401);
        assertThat(json(r).getString("error")).contains("Authorization: Bearer");
    }

    @Test
    void wrongTokenIsRefused() throws Exception {
        HttpResponse<Buffer> r = sendAs("Bearer not-the-token", HttpMethod.GET, "/connections", null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).getString("error")).contains("not this hub's admin token");
        // the token as a prefix of the real one is not the real one
        String prefix = TestHub.ADMIN_TOKEN.substring(0, TestHub.ADMIN_TOKEN.length() - 1);
        assertThat(sendAs("Bearer " + prefix, HttpMethod.GET, "/status", null).statusCode()).isEqualTo(401);
    }

    @Test
    void rightTokenIsAccepted() throws Exception {
        HttpResponse<Buffer> r = sendAs("Bearer " + TestHub.ADMIN_TOKEN, HttpMethod.GET, "/status", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).getString("version")).isNotBlank();
    }

    @Test
    void healthReadyAndTheOpenApiDocumentNeedNoToken() throws Exception {
        assertThat(sendAs(null, HttpMethod.GET, "/health", null).statusCode()).isEqualTo(200);
        assertThat(sendAs(null, HttpMethod.GET, "/ready", null).statusCode()).isEqualTo(200);
        HttpResponse<Buffer> doc = sendAs(null, HttpMethod.GET, "/api/v1/openapi.json", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(json(doc).getString("openapi")).startsWith("3.");
    }

    @Test
    void unknownEndpointIsAJson404PointingAtTheDocument() throws Exception {
        HttpResponse<Buffer> r = get("/no-such-thing");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).getString("error")).contains("/api/v1/no-such-thing").contains("openapi.json");
        // without a token the path is not even disclosed as missing
        assertThat(sendAs(null, HttpMethod.GET, "/no-such-thing", null).statusCode()).isEqualTo(401);
    }
}
