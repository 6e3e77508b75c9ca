package dev.junction.hub.admin;

import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.testing.Await;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecordRoutesTest extends AdminApiTestBase {

    @Test
    void badFiltersAre400WithWhatToSend() throws Exception {
        HttpResponse<Buffer> status = get("/records?status=DONE");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(json(status).getString("error")).contains("'status' must be one of [PENDING, IN_PROGRESS, SYNCED, FAILED, SKIPPED]")
                .contains("'DONE'");
        HttpResponse<Buffer> date = get("/records?from=yesterday");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(json(date).getString("error")).contains("'from' must be an ISO-8601 date-time");
        assertThat(json(get("/records?limit=501")).getString("error")).contains("'limit' must be between 1 and 500");
        assertThat(json(get("/records?offset=x")).getString("error")).contains("'offset' must be a whole number");
        assertThat(json(get("/records?from=2026-02-01&to=2026-01-01")).getString("error")).contains("must be before");
        assertThat(get("/records/abc").statusCode()).isEqualTo(400);
        assertThat(get("/records/123456").statusCode()).isEqualTo(404);
    }

    @Test
    void recordsAreFilteredByStatusFlowTextAndTimeAndPagedWithATotal() throws Exception {
        for (int i = 1; i <= 3; i++) {
            remote.putItem("ord-" + i, Instant.now().minusSeconds(60), new JsonObject().put("name", "order " + i)
                    .put("reference", "REF-" + (1000 + i)));
        }
        remote.putItem("bad", Instant.now().minusSeconds(60), new JsonObject().put("invalid", true));
        long[] ids = {importItem("ord-1"), importItem("ord-2"), importItem("ord-3"), importItem("bad")};
        for (int i = 0; i < 3; i++) {
            awaitStatus(ids[i], SyncStatus.SYNCED);
        }
        awaitStatus(ids[3], SyncStatus.FAILED);

        JsonObject page = json(get("/records?flow=items&limit=2"));
        assertThat(page.getLong("total")).isEqualTo(4);
        assertThat(page.getJsonArray("records")).hasSize(2);
        JsonObject next = json(get("/records?flow=items&limit=2&offset=2"));
        assertThat(next.getJsonArray("records")).hasSize(2);
        assertThat(ids(page)).doesNotContainAnyElementsOf(ids(next));

        JsonObject failed = json(get("/records?status=failed"));
        assertThat(failed.getLong("total")).isEqualTo(1);
        assertThat(failed.getJsonArray("records").getJsonObject(0).getString("message")).contains("has no name");

        JsonObject byText = json(get("/records?q=REF-1002"));
        assertThat(byText.getJsonArray("records")).hasSize(1);
        assertThat(byText.getJsonArray("records").getJsonObject(0).getString("sourceId")).isEqualTo("ord-2");

        assertThat(json(get("/records?from=2000-01-01T00:00:00Z&to=2000-01-02")).getLong("total")).isZero();
        assertThat(json(get("/records?from=2000-01-01")).getLong("total")).isEqualTo(4);
        assertThat(json(get("/records?flow=other")).getLong("total")).isZero();
    }

    @Test
    void detailHasThePayloadAsJsonAndEveryAttempt() throws Exception {
        remote.failNextSinkWrites(1);
        remote.putItem("d1", Instant.now().minusSeconds(60), new JsonObject().put("name", "detailed").put("qty", 3));
        long id = importItem("d1");
        awaitStatus(id, SyncStatus.SYNCED);
        JsonObject d = json(get("/records/" + id));
        assertThat(d.getJsonObject("payload").getString("name")).isEqualTo("detailed");
        assertThat(d.getJsonObject("payload").getInteger("qty")).isEqualTo(3);
        JsonArray attempts = d.getJsonArray("attempts");
        assertThat(attempts.stream().map(a -> ((JsonObject) a).getString("outcome"))).containsExactly("RETRY", "SYNCED");
        assertThat(attempts.getJsonObject(0).getString("error")).contains("503");
        assertThat(attempts.getJsonObject(1).getString("mappingVersion")).isNotBlank();
        assertThat(d.getString("remoteId")).isEqualTo(remote.sinkByRef().get("src:d1").getString("id"));
    }

    @Test
    void retryOfAFailedRecordSyncsItOnceTheCauseIsFixed() throws Exception {
        remote.failNextSinkWrites(1_000); // the sink is down for longer than the flow's 5 attempts
        remote.putItem("f1", Instant.now().minusSeconds(60), new JsonObject().put("name", "unlucky"));
        long id = importItem("f1");
        awaitStatus(id, SyncStatus.FAILED);
        assertThat(json(get("/records/" + id)).getString("message")).contains("gave up after 5 attempts");

        remote.failNextSinkWrites(0); // the remote is back
        HttpResponse<Buffer> r = post("/records/" + id + "/retry", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).getString("status")).isIn("PENDING", "IN_PROGRESS", "SYNCED");
        Await.until("retried record synced", Duration.ofSeconds(20), () -> {
            try {
                return "SYNCED".equals(json(get("/records/" + id)).getString("status"));
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(remote.sinkByRef()).containsKey("src:f1");
        assertThat(post("/records/987654/retry", null).statusCode()).isEqualTo(404);
    }

    @Test
    void retryOfARecordBeingSyncedIsAConflict() throws Exception {
        remote.sinkLatency(3_000); // the sink holds the write long enough to ask for a retry meanwhile
        remote.putItem("slow", Instant.now().minusSeconds(60), new JsonObject().put("name", "slow"));
        long id = importItem("slow");
        awaitStatus(id, SyncStatus.IN_PROGRESS);
        HttpResponse<Buffer> r = post("/records/" + id + "/retry", null);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).getString("error")).contains("being synced right now");
    }

    private static java.util.List<Long> ids(JsonObject page) {
        return page.getJsonArray("records").stream().map(o -> ((JsonObject) o).getLong("id")).toList();
    }
}
