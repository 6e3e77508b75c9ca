package dev.junction.hub.crash;

import dev.junction.hub.testing.Await;
import dev.junction.hub.testing.TestHub;
import dev.junction.hub.testing.TestRemote;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hub runs as a separate JVM and is killed with SIGKILL while records are in flight and webhooks are
 * arriving; a new process on the same data finishes the work. Every record reaches the remote exactly
 * once: no POST is repeated for a record already written (a write caught between the remote's create and
 * the hub's commit is found by its reference on restart).
 */
class HubKilledMidFlowTest {
    private static final int POLLED = 200;
    private static final int WEBHOOKED = 100;

    @TempDir
    Path dir;
    Vertx vertx = Vertx.vertx();

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    @Test
    void noRecordLostAndNoneDuplicatedWhenTheHubIsKilledAndRestarted() throws Exception {
        TestRemote remote = new TestRemote(vertx).start().await(10, TimeUnit.SECONDS);
        remote.sinkLatency(15); // keep records in flight when the kill comes
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < POLLED; i++) {
            remote.putItem("p" + i, t0.plusMillis(i * 7L), new JsonObject().put("name", "polled " + i));
        }
        JsonObject flow = TestHub.flow("items", new JsonObject().put("webhook", true).put("pollEvery", "PT2S")
                .put("startFrom", "2026-11-01T00:00:00Z")).put("concurrency", 8);
        JsonObject config = TestHub.config(remote, new JsonArray().add(flow));
        TestHub.home(dir);
        Path file = dir.resolve("hub.json");
        Files.writeString(file, config.encodePrettily());

        HubProcess first = HubProcess.start(file, TestHub.SECRET_KEY_B64);
        String url = first.awaitReady();

        // A remote that keeps re-sending each webhook until it gets a 2xx, as BigCommerce and ShipHero do.
        WebClient client = WebClient.create(vertx);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        String[] target = {url};
        Thread sender = new Thread(() -> {
            int i = 0;
            while (acknowledged.size() < WEBHOOKED && sending.get()) {
                String id = "w" + (i % WEBHOOKED);
                i++;
                if (acknowledged.contains(id)) {
                    continue;
                }
                JsonObject item = new JsonObject().put("id", id).put("modifiedAt", "2026-11-02T09:00:00Z").put("name", "hooked");
                try {
                    var resp = client.postAbs(target[0] + "/webhooks/src").putHeader("X-Test-Secret", "hook-secret-abcdef")
                            .sendJsonObject(new JsonObject().put("items", new JsonArray().add(item))).await(5, TimeUnit.SECONDS);
                    if (resp.statusCode() == 200) {
                        acknowledged.add(id);
                    }
                    Thread.sleep(5);
                } catch (Exception hubDown) {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }, "webhook-sender");
        sender.start();

        Await.until("work in flight", Duration.ofSeconds(60), () -> remote.sinkWrites().size() >= 60);
        first.kill();
        int writtenAtKill = remote.sinkWrites().size();
        assertThat(writtenAtKill).as("killed mid-flow, before the end").isLessThan(POLLED + WEBHOOKED);

        try (HubProcess second = HubProcess.start(file, TestHub.SECRET_KEY_B64)) {
            target[0] = second.awaitReady();
            Await.until("every webhook acknowledged", Duration.ofSeconds(60), () -> acknowledged.size() == WEBHOOKED);
            Await.until("every record written to the remote", Duration.ofSeconds(90),
                    () -> remote.sinkByRef().size() == POLLED + WEBHOOKED);
            sending.set(false);
            sender.join(10_000);

            assertThat(remote.sinkWrites()).as("no record written twice").hasSize(POLLED + WEBHOOKED);
            JsonObject flows = client.getAbs(target[0] + "/api/v1/flows").bearerTokenAuthentication(TestHub.ADMIN_TOKEN)
                    .send().await(10, TimeUnit.SECONDS).bodyAsJsonObject();
            JsonObject counts = flows.getJsonArray("flows").getJsonObject(0).getJsonObject("records");
            Await.until("records marked synced", Duration.ofSeconds(30), () -> {
                try {
                    JsonObject c = client.getAbs(target[0] + "/api/v1/flows").bearerTokenAuthentication(TestHub.ADMIN_TOKEN)
                            .send().await(10, TimeUnit.SECONDS).bodyAsJsonObject().getJsonArray("flows").getJsonObject(0)
                            .getJsonObject("records");
                    return c.getLong("SYNCED") == POLLED + WEBHOOKED;
                } catch (Exception e) {
                    return false;
                }
            });
            assertThat(counts.getLong("FAILED")).isZero();
        } finally {
            sending.set(false);
        }
    }
}
