package dev.junction.testconnector;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.http.RateLimitedClient;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/** Typed calls to the test remote, with its errors turned into the hub's retry/permanent kinds. */
final class TestRemoteClient {
    private final RateLimitedClient http;
    private final String baseUrl;
    private final String token;

    TestRemoteClient(RateLimitedClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl.replaceAll("/$", "");
        this.token = token;
    }

    Future<HttpResponse<Buffer>> get(String path) {
        HttpRequest<Buffer> req = http.webClient().getAbs(baseUrl + path).putHeader("Authorization", "Bearer " + token);
        return http.send(req);
    }

    Future<HttpResponse<Buffer>> post(String path, JsonObject body) {
        HttpRequest<Buffer> req = http.webClient().postAbs(baseUrl + path).putHeader("Authorization", "Bearer " + token)
                .putHeader("Content-Type", "application/json");
        return http.send(req, body.toBuffer());
    }

    /** The body of a 2xx answer; 5xx is retryable, other errors permanent with the remote's message. */
    static Future<JsonObject> json(HttpResponse<Buffer> r) {
        int s = r.statusCode();
        if (s >= 200 && s < 300) {
            return Future.succeededFuture(r.body() == null || r.body().length() == 0 ? new JsonObject() : r.bodyAsJsonObject());
        }
        String msg = "test remote answered HTTP " + s + (r.body() == null ? "" : ": " + r.bodyAsString());
        return Future.failedFuture(s >= 500 ? new RetryableException(msg) : new PermanentException(msg));
    }
}
