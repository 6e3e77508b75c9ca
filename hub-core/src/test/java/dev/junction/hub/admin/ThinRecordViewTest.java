package dev.junction.hub.admin;

import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.testing.TestHub;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flow that syncs each record once stores thin webhook events by id and fetches them when processing. What
 * was fetched is written back only when the record is not done (FAILED here), and the record view explains a
 * payload that was not kept instead of showing the internal marker.
 */
class ThinRecordViewTest extends AdminApiTestBase {

    @Override
    JsonArray flows() {
        return new JsonArray().add(TestHub.flow(FLOW, new JsonObject().put("webhook", true))
                .put("resyncOnChange", false).put("concurrency", 1));
    }

    @Test
    void aSyncedThinRecordKeepsOnlyItsIdAndTheViewSaysSo() throws Exception {
        remote.putItem("ok", Instant.now().minusSeconds(60), new JsonObject().put("name", "fetched"));
        long id = receive("ok");
        awaitStatus(id, SyncStatus.SYNCED);

        String stored = hub.store().record(id).await(5, TimeUnit.SECONDS).orElseThrow().payload();
        assertThat(stored).as("the fetched record is not written back once synced").doesNotContain("fetched");
        JsonObject view = json(get("/records/" + id));
        assertThat(view.getValue("payload")).isNull();
        assertThat(view.getString("payloadNote")).contains("stored by id only");
        assertThat(remote.sinkByRef().get("src:ok").getString("name")).as("the sink got the fetched content")
                .isEqualTo("fetched");
    }

    @Test
    void aFailedThinRecordKeepsWhatWasFetchedSoItShowsWhatTheSinkRefused() throws Exception {
        remote.putItem("bad", Instant.now().minusSeconds(60), new JsonObject().put("invalid", true));
        long id = receive("bad");
        awaitStatus(id, SyncStatus.FAILED);

        JsonObject view = json(get("/records/" + id));
        assertThat(view.getJsonObject("payload").getBoolean("invalid")).isTrue();
        assertThat(view.containsKey("payloadNote")).isFalse();
    }

    @Test
    void aThinRecordThatWillBeRetriedKeepsWhatWasFetchedSoTheRetryDoesNotFetchAgain() throws Exception {
        remote.failNextSinkWrites(1);
        remote.putItem("again", Instant.now().minusSeconds(60), new JsonObject().put("name", "once"));
        long id = receive("again");
        awaitStatus(id, SyncStatus.SYNCED);

        assertThat(remote.itemFetches()).as("fetched for the first attempt only").isEqualTo(1);
        assertThat(json(get("/records/" + id)).getJsonArray("attempts")).hasSize(2);
    }

    private long receive(String sourceId) throws Exception {
        var resp = client.postAbs(hub.publicUrl() + "/webhooks/src").putHeader("X-Test-Secret", "hook-secret-abcdef")
                .sendJsonObject(new JsonObject().put("ids", new JsonArray().add(sourceId))).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(200);
        return hub.store().recordsBySource(FLOW, sourceId).await(5, TimeUnit.SECONDS).get(0).id();
    }
}
