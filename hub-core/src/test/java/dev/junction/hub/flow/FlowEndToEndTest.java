package dev.junction.hub.flow;

import dev.junction.hub.Hub;
import dev.junction.hub.store.RecordQuery;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.testing.Await;
import dev.junction.hub.testing.TestHub;
import dev.junction.hub.testing.TestRemote;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A real hub, the test connector loaded from its plugin zip, and the test remote: records move end to end. */
class FlowEndToEndTest {
    @TempDir
    Path dir;
    Vertx vertx;
    TestRemote remote;
    Hub hub;
    WebClient client;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        remote = new TestRemote(vertx).start().await(10, TimeUnit.SECONDS);
        client = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (hub != null) {
            hub.stop().await(20, TimeUnit.SECONDS);
        }
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    private void startHub(JsonObject flow) throws Exception {
        hub = TestHub.start(vertx, TestHub.home(dir), TestHub.config(remote, new JsonArray().add(flow)));
    }

    private List<SyncRecord> records(String flow) throws Exception {
        return hub.store().records(new RecordQuery(flow, null, null, null, null, 0, 10_000)).await(10, TimeUnit.SECONDS);
    }

    private long count(String flow, SyncStatus status) throws Exception {
        return hub.store().count(new RecordQuery(flow, status, null, null, null, 0, 0)).await(10, TimeUnit.SECONDS);
    }

    @Test
    void pagesOfOnePollAreNotAskedForBackToBack() throws Exception {
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < 450; i++) {
            remote.putItem("i" + i, t0.plusSeconds(i), new JsonObject().put("name", "item " + i));
        }
        remote.listingLatency(150);
        startHub(TestHub.flow("items", new JsonObject().put("pollEvery", "PT1H").put("startFrom", "2026-11-01T00:00:00Z")));
        Await.until("450 records at the remote", Duration.ofSeconds(30), () -> remote.sinkByRef().size() == 450);

        List<Long> at = remote.listingsAt();
        assertThat(at).as("three pages of 200").hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < 3; i++) {
            // each page took at least the remote's 150 ms, so the run rests at least twice that before the next
            long apartMs = (at.get(i) - at.get(i - 1)) / 1_000_000;
            assertThat(apartMs).as("page %d asked %d ms after page %d", i + 1, apartMs, i).isGreaterThanOrEqualTo(440);
        }
    }

    @Test
    void pollMovesEveryItemOnceIncludingTiesAcrossPages() throws Exception {
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        // 450 items over only 9 distinct timestamps: pages of 200 cut through groups that share a timestamp.
        for (int i = 0; i < 450; i++) {
            remote.putItem("i" + i, t0.plusSeconds(i / 50), new JsonObject().put("name", "item " + i));
        }
        startHub(TestHub.flow("items", new JsonObject().put("pollEvery", "PT1H").put("startFrom", "2026-11-01T00:00:00Z")));

        Await.until("450 records at the remote", Duration.ofSeconds(30), () -> remote.sinkByRef().size() == 450);
        Await.until("450 records committed as synced", Duration.ofSeconds(10), () -> {
            try {
                return count("items", SyncStatus.SYNCED) == 450;
            } catch (Exception e) {
                return false;
            }
        });
        JsonObject run = hub.engine().runNow("items").await(10, TimeUnit.SECONDS);
        assertThat(run.getInteger("inserted")).as("second poll finds nothing new").isZero();

        assertThat(records("items")).hasSize(450).allMatch(r -> r.status() == SyncStatus.SYNCED);
        assertThat(remote.sinkWrites()).as("no item written twice").hasSize(450);
        // the id link source → sink is committed with the record
        String linked = hub.store().findLink("item", "src", "i7", "dst").await(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(linked).isEqualTo(remote.sinkByRef().get("src:i7").getString("id"));
    }

    @Test
    void webhookDeliveredTwiceYieldsOneSyncRecord() throws Exception {
        startHub(TestHub.flow("items", new JsonObject().put("webhook", true)));
        JsonObject body = new JsonObject().put("items", new JsonArray().add(new JsonObject().put("id", "w1")
                .put("modifiedAt", "2026-11-02T09:00:00Z").put("name", "webhooked")));
        for (int i = 0; i < 2; i++) {
            var resp = client.postAbs(hub.publicUrl() + "/webhooks/src").putHeader("X-Test-Secret", "hook-secret-abcdef")
                    .sendJsonObject(body).await(10, TimeUnit.SECONDS);
            assertThat(resp.statusCode()).isEqualTo(200);
        }
        Await.until("webhook record synced", Duration.ofSeconds(20), () -> remote.sinkByRef().containsKey("src:w1"));
        assertThat(records("items")).hasSize(1);
        assertThat(remote.sinkWrites()).hasSize(1);
    }

    @Test
    void webhookWithWrongSecretIsRefusedAndStoresNothing() throws Exception {
        startHub(TestHub.flow("items", new JsonObject().put("webhook", true)));
        var resp = client.postAbs(hub.publicUrl() + "/webhooks/src").putHeader("X-Test-Secret", "wrong")
                .sendJsonObject(new JsonObject().put("ids", new JsonArray().add("x"))).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(401);
        assertThat(records("items")).isEmpty();
    }

    @Test
    void thinWebhookIsFetchedThroughTheSourceBeforeItIsStored() throws Exception {
        remote.putItem("t1", Instant.parse("2026-11-02T09:00:00Z"), new JsonObject().put("name", "thin"));
        startHub(TestHub.flow("items", new JsonObject().put("webhook", true)));
        var resp = client.postAbs(hub.publicUrl() + "/webhooks/src").putHeader("X-Test-Secret", "hook-secret-abcdef")
                .sendJsonObject(new JsonObject().put("ids", new JsonArray().add("t1"))).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(200);
        Await.until("thin record synced", Duration.ofSeconds(20), () -> remote.sinkByRef().containsKey("src:t1"));
        assertThat(remote.sinkByRef().get("src:t1").getString("name")).isEqualTo("thin");
    }

    @Test
    void aWebhookForARecordTheSourceFiltersOutIsAcknowledgedAndStoresNothing() throws Exception {
        remote.putItem("f1", Instant.parse("2026-11-02T09:00:00Z"), new JsonObject().put("name", "filtered").put("skipFetch", true));
        startHub(TestHub.flow("items", new JsonObject().put("webhook", true)));
        var resp = client.postAbs(hub.publicUrl() + "/webhooks/src").putHeader("X-Test-Secret", "hook-secret-abcdef")
                .sendJsonObject(new JsonObject().put("ids", new JsonArray().add("f1"))).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).as("acknowledged, so the remote stops re-sending").isEqualTo(200);
        assertThat(records("items")).isEmpty();
    }

    @Test
    void aFlowThatSyncsEachRecordOnceIgnoresLaterVersionsWithoutFetchingThem() throws Exception {
        Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
        remote.putItem("o1", t0, new JsonObject().put("name", "first").put("version", "1"));
        startHub(TestHub.flow("items", new JsonObject().put("webhook", true).put("pollEvery", "PT1H")
                .put("startFrom", "2026-11-01T00:00:00Z")).put("resyncOnChange", false));
        Await.until("o1 synced", Duration.ofSeconds(20), () -> remote.sinkByRef().containsKey("src:o1"));

        remote.putItem("o1", t0.plusSeconds(60), new JsonObject().put("name", "edited").put("version", "2"));
        int fetchesBefore = remote.itemFetches();
        var resp = client.postAbs(hub.publicUrl() + "/webhooks/src").putHeader("X-Test-Secret", "hook-secret-abcdef")
                .sendJsonObject(new JsonObject().put("ids", new JsonArray().add("o1"))).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(200);
        assertThat(remote.itemFetches()).as("an id already synced is not fetched again").isEqualTo(fetchesBefore);
        JsonObject run = hub.engine().runNow("items").await(10, TimeUnit.SECONDS);
        assertThat(run.getInteger("read")).as("the sweep sees the edit").isGreaterThanOrEqualTo(1);
        assertThat(run.getInteger("inserted")).as("but a later version of a synced record is a duplicate").isZero();
        assertThat(records("items")).hasSize(1);
    }

    @Test
    void aSyncOnceFlowSweepsByListingAndFetchesOnlyNewRecordsWhenProcessing() throws Exception {
        Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
        for (int i = 0; i < 5; i++) {
            remote.putItem("s" + i, t0.plusSeconds(i), new JsonObject().put("name", "full " + i));
        }
        startHub(TestHub.flow("items", new JsonObject().put("pollEvery", "PT1H").put("startFrom", "2026-11-01T00:00:00Z"))
                .put("resyncOnChange", false));
        Await.until("5 synced", Duration.ofSeconds(20), () -> remote.sinkByRef().size() == 5);
        // the listing carried no content: what reached the sink was fetched by id when processed
        assertThat(remote.sinkByRef().get("src:s3").getString("name")).isEqualTo("full 3");
        Await.until("5 committed", Duration.ofSeconds(10), () -> {
            try {
                return count("items", SyncStatus.SYNCED) == 5;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(remote.itemFetches()).as("one fetch per new record").isEqualTo(5);
        SyncRecord s3 = records("items").stream().filter(r -> r.sourceId().equals("s3")).findFirst().orElseThrow();
        assertThat(new JsonObject(s3.payload()).containsKey("name")).as("a synced record does not keep what was fetched")
                .isFalse();

        remote.putItem("s9", t0.plusSeconds(30), new JsonObject().put("name", "new one"));
        JsonObject run = hub.engine().runNow("items").await(10, TimeUnit.SECONDS);
        assertThat(run.getInteger("inserted")).as("only the new record is stored").isEqualTo(1);
        Await.until("s9 synced", Duration.ofSeconds(20), () -> remote.sinkByRef().containsKey("src:s9"));
        assertThat(remote.itemFetches()).as("records already stored cost no fetch on a later sweep").isEqualTo(6);
        assertThat(remote.sinkWrites()).hasSize(6);
    }

    @Test
    void aSyncOnceFlowAnswersAThinWebhookBeforeFetchingAndFetchesWhenProcessing() throws Exception {
        remote.putItem("t9", Instant.parse("2026-11-02T09:00:00Z"), new JsonObject().put("name", "fetched later"));
        remote.putItem("gone-filtered", Instant.parse("2026-11-02T09:00:00Z"), new JsonObject().put("skipFetch", true));
        startHub(TestHub.flow("items", new JsonObject().put("webhook", true)).put("resyncOnChange", false));
        remote.sinkLatency(0);
        var resp = client.postAbs(hub.publicUrl() + "/webhooks/src").putHeader("X-Test-Secret", "hook-secret-abcdef")
                .sendJsonObject(new JsonObject().put("ids", new JsonArray().add("t9").add("gone-filtered").add("t9")))
                .await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).isEqualTo(200);
        Await.until("t9 synced with its fetched content", Duration.ofSeconds(20), () -> remote.sinkByRef().containsKey("src:t9"));
        assertThat(remote.sinkByRef().get("src:t9").getString("name")).isEqualTo("fetched later");
        Await.until("the filtered one skipped", Duration.ofSeconds(20), () -> {
            try {
                return count("items", SyncStatus.SKIPPED) == 1;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(records("items")).as("one record per id, the repeated id deduped").hasSize(2);
        SyncRecord skipped = records("items").stream().filter(r -> r.sourceId().equals("gone-filtered")).findFirst().orElseThrow();
        assertThat(skipped.message()).contains("excluded by this flow's filters");
    }

    @Test
    void aSourceThatNeverAnswersAPollDoesNotStallTheFlow() throws Exception {
        remote.loseNextListings(1);
        remote.putItem("late1", Instant.parse("2026-11-02T09:00:00Z"), new JsonObject().put("name", "after a lost poll"));
        startHub(TestHub.flow("items", new JsonObject().put("pollEvery", "PT1S").put("pollTimeout", "PT1S")
                .put("startFrom", "2026-11-01T00:00:00Z")));
        Await.until("the item synced by a later poll", Duration.ofSeconds(20), () -> remote.sinkByRef().containsKey("src:late1"));
    }

    @Test
    void throttledSinkSlowsDownAndStillSyncsEverything() throws Exception {
        remote.sinkRateLimit(20); // 20 writes a second; the connector's own budget is far higher, so the remote throttles
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < 100; i++) {
            remote.putItem("r" + i, t0.plusMillis(i), new JsonObject().put("name", "n" + i));
        }
        JsonObject flow = TestHub.flow("items", new JsonObject().put("pollEvery", "PT1H").put("startFrom", "2026-11-01T00:00:00Z"))
                .put("concurrency", 16);
        startHub(flow);
        Await.until("100 records synced under throttling", Duration.ofSeconds(60), () -> remote.sinkByRef().size() == 100);
        assertThat(remote.throttledCount()).as("the remote did throttle").isPositive();
        Await.until("all records marked synced", Duration.ofSeconds(10), () -> {
            try {
                return count("items", SyncStatus.SYNCED) == 100;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(count("items", SyncStatus.FAILED)).isZero();
        assertThat(remote.sinkWrites()).hasSize(100);
    }

    @Test
    void anOutageHoldsRecordsBackWithoutUsingUpTheirRetriesAndTheyDrainWhenTheRemoteAnswers() throws Exception {
        // 30 failures in a row against 3 records that may each fail 5 times: retried one by one, all three would
        // end FAILED; as an outage, the remote is probed one record at a time and nothing is charged after the
        // first few failures
        remote.failNextSinkWrites(30);
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        for (int i = 0; i < 3; i++) {
            remote.putItem("o" + i, t0.plusSeconds(i), new JsonObject().put("name", "n" + i));
        }
        JsonObject flow = TestHub.flow("items", new JsonObject().put("pollEvery", "PT1H").put("startFrom", "2026-11-01T00:00:00Z"));
        flow.getJsonObject("retry").put("outageAfter", 3).put("probe", "PT0.05S").put("probeMax", "PT0.2S");
        startHub(flow);

        Await.until("the flow reports the outage", Duration.ofSeconds(20), () -> {
            try {
                return hub.engine().status(hub.engine().flow("items").orElseThrow()).await(5, TimeUnit.SECONDS)
                        .getJsonObject("outage") != null;
            } catch (Exception e) {
                return false;
            }
        });
        Await.until("all three synced once the remote answers", Duration.ofSeconds(60), () -> remote.sinkByRef().size() == 3);
        Await.until("all committed", Duration.ofSeconds(10), () -> {
            try {
                return count("items", SyncStatus.SYNCED) == 3;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(count("items", SyncStatus.FAILED)).isZero();
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        for (SyncRecord r : records("items")) {
            hub.store().attempts(r.id()).await(5, TimeUnit.SECONDS).forEach(a -> outcomes.merge(a.outcome(), 1L, Long::sum));
        }
        // the first 2 failures are ordinary retries; the 3rd reveals the outage, and it and the 27 after it are
        // held back (UNAVAILABLE) without counting toward the records' 5 allowed attempts
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("RETRY", 2L, "UNAVAILABLE", 28L, "SYNCED", 3L));
        assertThat(hub.engine().status(hub.engine().flow("items").orElseThrow()).await(5, TimeUnit.SECONDS).getValue("outage"))
                .as("the gate reopened").isNull();
    }

    @Test
    void transientFailuresAreRetriedAndPermanentOnesFailWithTheReasonUntilRetried() throws Exception {
        remote.failNextSinkWrites(3);
        Instant t0 = Instant.parse("2026-11-01T10:00:00Z");
        remote.putItem("ok1", t0, new JsonObject().put("name", "fine"));
        remote.putItem("bad1", t0.plusSeconds(1), new JsonObject().put("invalid", true));
        remote.putItem("skip1", t0.plusSeconds(2), new JsonObject().put("skip", true).put("name", "s"));
        startHub(TestHub.flow("items", new JsonObject().put("pollEvery", "PT1H").put("startFrom", "2026-11-01T00:00:00Z"))
                .put("concurrency", 1));

        Await.until("ok1 synced after 503s", Duration.ofSeconds(30), () -> remote.sinkByRef().containsKey("src:ok1"));
        // the remote has the write before the hub commits the outcome: wait for the committed states
        Await.until("ok1 synced, bad1 failed, skip1 skipped", Duration.ofSeconds(10), () -> {
            try {
                return count("items", SyncStatus.SYNCED) == 1 && count("items", SyncStatus.FAILED) == 1
                        && count("items", SyncStatus.SKIPPED) == 1;
            } catch (Exception e) {
                return false;
            }
        });
        Map<String, SyncRecord> bySource = records("items").stream().collect(Collectors.toMap(SyncRecord::sourceId, r -> r));
        SyncRecord ok = bySource.get("ok1");
        assertThat(ok.status()).isEqualTo(SyncStatus.SYNCED);
        var attempts = hub.store().attempts(ok.id()).await(5, TimeUnit.SECONDS);
        assertThat(attempts).extracting(a -> a.outcome()).containsExactly("RETRY", "RETRY", "RETRY", "SYNCED");
        SyncRecord bad = bySource.get("bad1");
        assertThat(bad.status()).isEqualTo(SyncStatus.FAILED);
        assertThat(bad.message()).contains("has no name");
        assertThat(bySource.get("skip1").message()).contains("marked skip");

        // the merchant fixes the item at the source's side of things; retry re-reads the stored payload, so
        // here we fix what the mapper sees by giving the record a name through a fresh import
        remote.putItem("bad1", t0.plusSeconds(5), new JsonObject().put("name", "fixed"));
        hub.engine().importOne("items", "bad1").await(10, TimeUnit.SECONDS);
        Await.until("fixed item synced", Duration.ofSeconds(20), () -> remote.sinkByRef().containsKey("src:bad1"));
    }
}
