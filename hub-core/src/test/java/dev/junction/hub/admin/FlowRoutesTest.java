package dev.junction.hub.admin;

import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.testing.Await;
import dev.junction.hub.testing.TestHub;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class FlowRoutesTest extends AdminApiTestBase {

    /** Plus a flow whose source connection does not exist: kept, not running, with its reason. */
    @Override
    JsonArray flows() {
        JsonObject broken = TestHub.flow("broken", new JsonObject());
        broken.getJsonObject("source").put("connection", "ghost");
        return super.flows().add(broken);
    }

    @Test
    void aFlowThatIsNotRunningSaysWhyAndRefusesRunsWith409() throws Exception {
        JsonObject f = json(get("/flows/broken"));
        assertThat(f.getString("state")).isEqualTo("FAILED");
        assertThat(f.getString("error")).contains("ghost");
        HttpResponse<Buffer> run = post("/flows/broken/run", null);
        assertThat(run.statusCode()).isEqualTo(409);
        assertThat(json(run).getString("error")).startsWith("flow 'broken' is not running: ").contains("ghost");
        assertThat(post("/flows/broken/import", new JsonObject().put("sourceId", "1")).statusCode()).isEqualTo(409);
        assertThat(json(get("/status")).getJsonObject("flows").getInteger("failed")).isEqualTo(1);
    }

    @Test
    void flowsAreListedWithTheirStatusAndUnknownOnesAre404() throws Exception {
        JsonObject list = json(get("/flows"));
        assertThat(list.getJsonArray("flows")).hasSize(2);
        JsonObject f = json(get("/flows/items"));
        assertThat(f.getString("state")).isEqualTo("RUNNING");
        assertThat(f.getString("source")).isEqualTo("src/items");
        assertThat(f.getJsonObject("records").getLong("PENDING")).isZero();
        HttpResponse<Buffer> missing = get("/flows/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).getString("error")).contains("no flow 'nope'").contains("[items, broken]");
    }

    @Test
    void pausedFlowStoresButDoesNotSyncUntilResumed() throws Exception {
        JsonObject paused = json(post("/flows/items/pause", null));
        assertThat(paused.getString("state")).isEqualTo("PAUSED");
        assertThat(hub.store().isPaused("items").await(5, TimeUnit.SECONDS)).as("pause survives a restart").isTrue();

        remote.putItem("p1", Instant.now().minusSeconds(30), new JsonObject().put("name", "paused"));
        JsonObject run = json(post("/flows/items/run", null));
        assertThat(run.getInteger("inserted")).isEqualTo(1);
        long id = hub.store().recordsBySource("items", "p1").await(5, TimeUnit.SECONDS).get(0).id();
        assertThat(record(id).orElseThrow().status()).isEqualTo(SyncStatus.PENDING);
        assertThat(remote.sinkPosts()).isZero();

        assertThat(json(post("/flows/items/resume", null)).getString("state")).isEqualTo("RUNNING");
        awaitStatus(id, SyncStatus.SYNCED);
        assertThat(remote.sinkByRef()).containsKey("src:p1");
    }

    @Test
    void runPollsNowAndReturnsTheSummary() throws Exception {
        remote.putItem("r1", Instant.now().minusSeconds(60), new JsonObject().put("name", "one"));
        remote.putItem("r2", Instant.now().minusSeconds(50), new JsonObject().put("name", "two"));
        HttpResponse<Buffer> r = post("/flows/items/run", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonObject s = json(r);
        assertThat(s.getString("kind")).isEqualTo("poll");
        assertThat(s.getInteger("read")).isEqualTo(2);
        assertThat(s.getInteger("inserted")).isEqualTo(2);
        assertThat(s.getValue("error")).isNull();
        Await.until("both polled records synced", Duration.ofSeconds(20), () -> remote.sinkByRef().size() == 2);
        assertThat(json(get("/flows/items")).getJsonObject("lastRun").getInteger("inserted")).isEqualTo(2);
    }

    @Test
    void reconcileReadsTheWindowAndRejectsABadOne() throws Exception {
        remote.putItem("old", Instant.now().minus(3, ChronoUnit.HOURS), new JsonObject().put("name", "old"));
        JsonObject narrow = json(post("/flows/items/reconcile?window=PT1H", null));
        assertThat(narrow.getString("kind")).isEqualTo("reconcile");
        assertThat(narrow.getInteger("read")).isZero();
        JsonObject wide = json(post("/flows/items/reconcile?window=PT24H", null));
        assertThat(wide.getInteger("inserted")).isEqualTo(1);
        Await.until("the reconciled record synced", Duration.ofSeconds(20), () -> remote.sinkByRef().containsKey("src:old"));

        HttpResponse<Buffer> bad = post("/flows/items/reconcile?window=24h", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).getString("error")).contains("ISO-8601 duration such as PT24H").contains("'24h'");
    }

    @Test
    void manualImportStoresOneRecordAndAnswersADuplicateWithTheExistingRecord() throws Exception {
        remote.putItem("218", Instant.parse("2020-01-01T00:00:00Z"), new JsonObject().put("name", "old order"));
        HttpResponse<Buffer> first = post("/flows/items/import", new JsonObject().put("sourceId", "218"));
        assertThat(first.statusCode()).isEqualTo(201);
        long id = json(first).getLong("recordId");
        assertThat(json(first).getJsonObject("record").getString("sourceId")).isEqualTo("218");
        awaitStatus(id, SyncStatus.SYNCED);

        HttpResponse<Buffer> again = post("/flows/items/import", new JsonObject().put("sourceId", 218));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).getBoolean("duplicate")).isTrue();
        assertThat(json(again).getLong("recordId")).isEqualTo(id);
        assertThat(remote.sinkWrites()).hasSize(1);
    }

    @Test
    void importOfAnUnknownSourceRecordIs404AndAMissingIdIs400() throws Exception {
        HttpResponse<Buffer> missing = post("/flows/items/import", new JsonObject().put("sourceId", "999"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).getString("error")).isEqualTo("src has no items record with id '999'");
        HttpResponse<Buffer> noId = post("/flows/items/import", new JsonObject());
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(json(noId).getString("error")).contains("'sourceId' is required");
        assertThat(post("/flows/nope/import", new JsonObject().put("sourceId", "1")).statusCode()).isEqualTo(404);
    }
}
