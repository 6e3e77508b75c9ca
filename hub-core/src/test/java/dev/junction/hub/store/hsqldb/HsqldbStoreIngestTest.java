package dev.junction.hub.store.hsqldb;

import dev.junction.hub.store.Cursor;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.RecordQuery;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HsqldbStoreIngestTest extends StoreFixture {

    @Test
    void ingestReturnsNewIdsInInputOrderAndStoresTheRecord() {
        List<Long> ids = await(store.ingest(List.of(rec("f1", "218", "v1"), rec("f1", "219", "v1")), null, null));

        assertThat(ids).hasSize(2);
        assertThat(ids.get(0)).isLessThan(ids.get(1));
        SyncRecord first = await(store.record(ids.get(0))).orElseThrow();
        assertThat(first.sourceId()).isEqualTo("218");
        assertThat(first.status()).isEqualTo(SyncStatus.PENDING);
        assertThat(first.payload()).isEqualTo("{\"id\":\"218\",\"v\":\"v1\"}");
        assertThat(first.attempts()).isZero();
        assertThat(first.createdAt()).isEqualTo(T0);
        assertThat(first.nextAttemptAt()).isEqualTo(T0);
        assertThat(first.sourceModifiedAt()).isEqualTo(T0.minusSeconds(60));
        assertThat(first.searchText()).isEqualTo("order 218");
    }

    @Test
    void aRepeatedRecordIsNotInsertedAgain() {
        await(store.ingest(List.of(rec("f1", "218", "v1")), null, null));

        List<Long> again = await(store.ingest(List.of(rec("f1", "218", "v1"), rec("f1", "218", "v2")), null, null));

        assertThat(again).hasSize(1);
        assertThat(await(store.record(again.get(0))).orElseThrow().contentKey()).isEqualTo("v2");
        assertThat(await(store.count(new RecordQuery("f1", null, null, null, null, 0, 100)))).isEqualTo(2);
    }

    @Test
    void duplicatesWithinOneBatchAreOmittedAndOrderIsKept() {
        List<Long> ids = await(store.ingest(List.of(rec("f1", "a", "1"), rec("f1", "b", "1"), rec("f1", "a", "1"),
                rec("f1", "c", "1")), null, null));

        assertThat(ids).hasSize(3);
        List<String> sources = new ArrayList<>();
        for (Long id : ids) {
            sources.add(await(store.record(id)).orElseThrow().sourceId());
        }
        assertThat(sources).containsExactly("a", "b", "c");
    }

    @Test
    void idsThatDifferOnlyByTrailingSpacesAreDifferentRecords() {
        // a new database compares strings as Java does (NO PAD); with SQL's default padding these two would be
        // one record, and the second order would be dropped as a duplicate of the first
        assertThat(await(store.ingest(List.of(rec("f1", "A1", "v1"), rec("f1", "A1 ", "v1")), null, null))).hasSize(2);
        assertThat(await(store.ingest(List.of(rec("f1", "A1 ", "v1")), null, null))).isEmpty();
    }

    @Test
    void theSameSourceRecordInAnotherFlowIsNotADuplicate() {
        await(store.ingest(List.of(rec("f1", "218", "v1")), null, null));
        assertThat(await(store.ingest(List.of(rec("f2", "218", "v1")), null, null))).hasSize(1);
    }

    @Test
    void concurrentIngestsOfTheSameRecordStoreOneRow() throws Exception {
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            for (int round = 0; round < 20; round++) {
                String sourceId = "order-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<java.util.concurrent.Future<List<Long>>> results = new ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    String own = sourceId + "-own-" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        // Each caller also carries a record of its own, so the transactions overlap for real.
                        Future<List<Long>> f = store.ingest(List.of(rec("f1", own, "v1"), rec("f1", sourceId, "v1")),
                                null, null);
                        return await(f);
                    }));
                }
                start.countDown();
                int inserted = 0;
                for (var r : results) {
                    inserted += r.get().size();
                }
                assertThat(inserted).as("round %d", round).isEqualTo(callers + 1);
                assertThat(await(store.recordsBySource("f1", sourceId))).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCursorMovesWithTheIngest() {
        Instant ts = Instant.parse("2025-03-01T09:59:59.123456789Z");
        await(store.ingest(List.of(rec("f1", "218", "v1")), "f1", new Cursor(ts, Set.of("218", "217"))));

        Cursor cursor = await(store.cursor("f1")).orElseThrow();
        assertThat(cursor.timestamp()).isEqualTo(ts);
        assertThat(cursor.idsAtTimestamp()).containsExactlyInAnyOrder("217", "218");
        assertThat(await(store.cursor("f2"))).isEmpty();

        Instant later = ts.plusSeconds(5);
        await(store.ingest(List.of(), "f1", new Cursor(later, Set.of())));
        assertThat(await(store.cursor("f1")).orElseThrow()).isEqualTo(new Cursor(later, Set.of()));
    }

    @Test
    void aFailedIngestInsertsNothingAndLeavesTheCursor() throws Exception {
        Cursor before = new Cursor(T0.minusSeconds(600), Set.of("1"));
        await(store.ingest(List.of(), "f1", before));

        // The second record breaks a NOT NULL constraint after the first was inserted in the same transaction.
        NewRecord broken = new NewRecord("f1", "bc", "orders", null, "x", "v1", null, "{}", null);
        assertThatThrownBy(() -> await(store.ingest(List.of(rec("f1", "218", "v1"), broken), "f1",
                new Cursor(T0, Set.of("218")))))
                .hasMessageContaining("SOURCE_ID");

        assertThat(await(store.cursor("f1")).orElseThrow()).isEqualTo(before);
        assertThat(await(store.recordsBySource("f1", "218"))).isEmpty();
        try (var c = raw(); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sync_payload")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aRecordWithoutEntityKeyIsItsOwnEntity() {
        NewRecord noEntity = new NewRecord("f1", "bc", "orders", "218", null, "v1", null, "{}", null);
        long id = await(store.ingest(List.of(noEntity), null, null)).get(0);
        assertThat(await(store.record(id)).orElseThrow().entityKey()).isEqualTo("218");
    }
}
