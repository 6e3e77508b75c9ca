package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.testing.Await;
import dev.junction.hub.testing.TestHub;
import dev.junction.hub.testing.TestRemote;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real hub (test connector from its plugin zip, HSQLDB store) with connections {@code src} and {@code dst}
 * against a {@link TestRemote}, one flow {@code items} src → dst with no timed triggers (tests run it through
 * the API), and a WebClient that talks to the admin API with the admin token.
 */
abstract class AdminApiTestBase {
    static final String FLOW = "items";

    @TempDir
    Path dir;
    Vertx vertx;
    TestRemote remote;
    Hub hub;
    WebClient client;

    @BeforeEach
    void startHub() throws Exception {
        vertx = Vertx.vertx();
        remote = new TestRemote(vertx).start().await(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
        hub = TestHub.start(vertx, TestHub.home(dir), TestHub.config(remote, flows()));
    }

    /** The hub's flows; a test class may add more. */
    JsonArray flows() {
        return new JsonArray().add(TestHub.flow(FLOW, new JsonObject()).put("concurrency", 1));
    }

    @AfterEach
    void stopHub() throws Exception {
        if (hub != null) {
            hub.stop().await(20, TimeUnit.SECONDS);
        }
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    // ---- HTTP ----

    HttpResponse<Buffer> get(String path) throws Exception {
        return send(HttpMethod.GET, path, null);
    }

    HttpResponse<Buffer> delete(String path) throws Exception {
        return send(HttpMethod.DELETE, path, null);
    }

    HttpResponse<Buffer> post(String path, JsonObject body) throws Exception {
        return send(HttpMethod.POST, path, body == null ? null : body.toBuffer());
    }

    HttpResponse<Buffer> put(String path, JsonObject body) throws Exception {
        return send(HttpMethod.PUT, path, body.toBuffer());
    }

    /** With the admin token; {@code path} is under /api/v1. */
    HttpResponse<Buffer> send(HttpMethod method, String path, Buffer body) throws Exception {
        return sendAs("Bearer " + TestHub.ADMIN_TOKEN, method, path, body);
    }

    HttpResponse<Buffer> sendAs(String authorization, HttpMethod method, String path, Buffer body) throws Exception {
        HttpRequest<Buffer> req = client.requestAbs(method, hub.publicUrl() + (path.startsWith("/api/") || path.startsWith("/health")
                || path.startsWith("/ready") ? path : "/api/v1" + path));
        if (authorization != null) {
            req.putHeader("Authorization", authorization);
        }
        if (body != null) {
            req.putHeader("Content-Type", "application/json");
            return req.sendBuffer(body).await(30, TimeUnit.SECONDS);
        }
        return req.send().await(30, TimeUnit.SECONDS);
    }

    static JsonObject json(HttpResponse<Buffer> r) {
        return r.bodyAsJsonObject();
    }

    // ---- fixtures ----

    /** Settings of a test-connector connection against the test remote. */
    JsonObject settings() {
        return new JsonObject().put("baseUrl", remote.baseUrl()).put("token", TestRemote.TOKEN);
    }

    static JsonObject connection(JsonObject settings) {
        return new JsonObject().put("connector", "test-connector").put("settings", settings);
    }

    /** Imports one item through the API and returns its record id. */
    long importItem(String id) throws Exception {
        HttpResponse<Buffer> r = post("/flows/" + FLOW + "/import", new JsonObject().put("sourceId", id));
        if (r.statusCode() != 201) {
            throw new AssertionError("import of " + id + " answered " + r.statusCode() + ": " + r.bodyAsString());
        }
        return json(r).getLong("recordId");
    }

    Optional<SyncRecord> record(long id) {
        try {
            return hub.store().record(id).await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    void awaitStatus(long recordId, SyncStatus status) throws InterruptedException {
        Await.until("record " + recordId + " " + status, Duration.ofSeconds(20),
                () -> record(recordId).map(r -> r.status() == status).orElse(false));
    }
}
