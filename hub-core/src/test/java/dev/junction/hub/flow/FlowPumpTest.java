package dev.junction.hub.flow;

import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.store.SyncStore;
import dev.junction.hub.store.hsqldb.HsqldbSyncStore;
import dev.junction.hub.testing.Await;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The pump against a real (in-memory) store, counting the store calls it makes. */
class FlowPumpTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    Vertx vertx;
    HsqldbSyncStore real;
    SyncStore store;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final List<String> attempted = new CopyOnWriteArrayList<>();
    final FlowConfig config = FlowConfig.fromJson(new JsonObject().put("id", "items").put("entity", "item")
            .put("source", new JsonObject().put("connection", "src").put("stream", "items"))
            .put("sink", new JsonObject().put("connection", "dst").put("stream", "items"))
            .put("concurrency", 4));

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        real = HsqldbSyncStore.openInMemory(vertx, "pump-" + UUID.randomUUID(), SecretCipher.ephemeral())
                .await(10, TimeUnit.SECONDS);
        store = (SyncStore) Proxy.newProxyInstance(SyncStore.class.getClassLoader(), new Class<?>[]{SyncStore.class},
                (proxy, method, args) -> {
                    calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void tearDown() throws Exception {
        real.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private int calls(String method) {
        return calls.getOrDefault(method, new AtomicInteger()).get();
    }

    /** A pump whose attempts commit the outcome {@code outcome} gives for each record. */
    private FlowPump startPump(Function<SyncRecord, SyncStatus> outcome) {
        OutageGate outage = new OutageGate(5, Duration.ofSeconds(2), Duration.ofSeconds(15));
        FlowPump pump = new FlowPump(config, vertx, store, Clock.systemUTC(), outage, r -> {
            attempted.add(r.sourceId());
            SyncStatus status = outcome.apply(r);
            Instant now = Instant.now();
            Attempt attempt = new Attempt(r.id(), r.attempts() + 1, now, now, status.name(), null, "m1");
            // a retry is due at once, so the test need not wait for a backoff
            return store.complete(new Completion(r.id(), status, attempt, null, status.name(), Map.of(), List.of(),
                    status == SyncStatus.PENDING ? now : null, true, null)).map(v -> status);
        }, () -> false);
        pump.start(vertx.getOrCreateContext());
        return pump;
    }

    private static NewRecord rec(String sourceId, String entityKey) {
        return new NewRecord("items", "src", "items", sourceId, entityKey, "v1", sourceId, "{\"id\":\"" + sourceId + "\"}",
                Instant.parse("2026-11-01T10:00:00Z"));
    }

    private long synced() throws Exception {
        return real.statusCounts("items").await(10, TimeUnit.SECONDS).getOrDefault(SyncStatus.SYNCED, 0L);
    }

    private void awaitSynced(long n) throws InterruptedException {
        Await.until(n + " records synced", WAIT, () -> {
            try {
                return synced() == n;
            } catch (Exception e) {
                return false;
            }
        });
    }

    private void awaitQueueSeenEmpty(FlowPump pump) throws InterruptedException {
        // the first claim finds nothing; from then on the queue is known empty
        Await.until("the pump's first claim", WAIT, pump::queueKnownEmpty);
    }

    @Test
    void aQuietFlowClaimsEachRecordWithItsIngestAndRunsNoClaimForIt() throws Exception {
        FlowPump pump = startPump(r -> SyncStatus.SYNCED);
        awaitQueueSeenEmpty(pump);
        int claimsBefore = calls("claimNext");

        for (int i = 0; i < 20; i++) {
            List<Long> ids = pump.ingest(List.of(rec("r" + i, "e" + i)), null, null).await(10, TimeUnit.SECONDS);
            assertThat(ids).hasSize(1);
            awaitSynced(i + 1);
        }

        assertThat(attempted).hasSize(20);
        assertThat(calls("claimNext") - claimsBefore).as("claims for 20 records ingested one by one").isZero();
        assertThat(calls("nextDue")).isZero();
    }

    @Test
    void recordsQueuedBehindABusyEntityAreClaimedInOrderAfterIt() throws Exception {
        FlowPump pump = startPump(r -> SyncStatus.SYNCED);
        awaitQueueSeenEmpty(pump);

        pump.ingest(List.of(rec("v1", "order-218"), rec("v2", "order-218"), rec("v3", "order-218")), null, null)
                .await(10, TimeUnit.SECONDS);

        awaitSynced(3);
        assertThat(attempted).as("one entity, in order").containsExactly("v1", "v2", "v3");
    }

    @Test
    void anAttemptThatEndsPendingIsClaimedAgain() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        FlowPump pump = startPump(r -> tries.incrementAndGet() == 1 ? SyncStatus.PENDING : SyncStatus.SYNCED);
        awaitQueueSeenEmpty(pump);

        pump.ingest(List.of(rec("r1", "e1")), null, null).await(10, TimeUnit.SECONDS);

        awaitSynced(1);
        assertThat(attempted).containsExactly("r1", "r1");
    }

    @Test
    void aBacklogIsClaimedOldestFirstBeforeNewRecordsAreClaimedDirectly() throws Exception {
        // 10 records stored before the pump starts: the queue is not known empty, so the pump claims them
        real.ingest(List.of(rec("old0", "o0"), rec("old1", "o1"), rec("old2", "o2"), rec("old3", "o3"),
                rec("old4", "o4"), rec("old5", "o5"), rec("old6", "o6"), rec("old7", "o7"), rec("old8", "o8"),
                rec("old9", "o9")), null, null).await(10, TimeUnit.SECONDS);
        FlowPump pump = startPump(r -> SyncStatus.SYNCED);

        awaitSynced(10);
        awaitQueueSeenEmpty(pump);
        int claimsBefore = calls("claimNext");
        pump.ingest(List.of(rec("new", "n")), null, null).await(10, TimeUnit.SECONDS);
        awaitSynced(11);
        assertThat(calls("claimNext") - claimsBefore).as("the new record was claimed with its ingest").isZero();

        assertThat(attempted.subList(0, 10)).as("the backlog, concurrency 4 at a time, oldest first")
                .containsExactly("old0", "old1", "old2", "old3", "old4", "old5", "old6", "old7", "old8", "old9");
        assertThat(attempted.get(10)).isEqualTo("new");
        // the store commits SYNCED before the pump's completion handler runs on its context and frees the slot
        Await.until("every slot given back", WAIT, () -> pump.inFlight() == 0);
    }

    @Test
    void aFailingIngestGivesItsSlotsBack() throws Exception {
        FlowPump pump = startPump(r -> SyncStatus.SYNCED);
        awaitQueueSeenEmpty(pump);
        real.close().await(10, TimeUnit.SECONDS); // every store call now fails

        Future<List<Long>> failed = pump.ingest(List.of(rec("r1", "e1")), null, null);

        Await.until("the ingest fails", WAIT, failed::isComplete);
        assertThat(failed.failed()).isTrue();
        assertThat(pump.inFlight()).isZero();
        real = HsqldbSyncStore.openInMemory(vertx, "pump-reopened", SecretCipher.ephemeral()).await(10, TimeUnit.SECONDS);
    }
}
