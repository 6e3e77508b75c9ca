package dev.junction.hub.store.hsqldb;

import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.RecordQuery;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HsqldbStoreQueryTest extends StoreFixture {

    private final List<Long> f1 = new ArrayList<>();

    /* f1: 10 records created a minute apart, ids o0..o9; o0 and o1 FAILED. f2: one record. */
    @BeforeEach
    void fill() {
        for (int i = 0; i < 10; i++) {
            NewRecord r = new NewRecord("f1", "bc", "orders", "o" + i, "o" + i, "v1",
                    i == 7 ? "Order #1007 jane.DOE@example.com" : "Order #100" + i, "{}", null);
            f1.add(await(store.ingest(List.of(r), null, null)).get(0));
            clock.advance(Duration.ofMinutes(1));
        }
        await(store.ingest(List.of(rec("f2", "o1", "v1")), null, null));
        await(store.claim("f1", 2, clock.instant(), Duration.ofMinutes(5)));
        for (int i = 0; i < 2; i++) {
            long id = f1.get(i);
            await(store.complete(new Completion(id, SyncStatus.FAILED, new Attempt(id, 1, T0, T0, "FAILED", "bad", "m"),
                    null, "bad", null, null, null, true)));
        }
    }

    private static RecordQuery q(String flow, SyncStatus status, String text, int offset, int limit) {
        return new RecordQuery(flow, status, null, null, text, offset, limit);
    }

    private static List<String> sourceIds(List<SyncRecord> records) {
        return records.stream().map(SyncRecord::sourceId).toList();
    }

    @Test
    void pagesAreNewestFirstAndCountIgnoresPaging() {
        assertThat(sourceIds(await(store.records(q("f1", null, null, 0, 3))))).containsExactly("o9", "o8", "o7");
        assertThat(sourceIds(await(store.records(q("f1", null, null, 3, 3))))).containsExactly("o6", "o5", "o4");
        assertThat(sourceIds(await(store.records(q("f1", null, null, 9, 3))))).containsExactly("o0");
        assertThat(await(store.count(q("f1", null, null, 3, 3)))).isEqualTo(10);
        assertThat(await(store.count(q(null, null, null, 0, 3)))).isEqualTo(11);
        assertThat(await(store.records(q(null, null, null, 0, 2)))).extracting(SyncRecord::flowId)
                .containsExactly("f2", "f1");
    }

    @Test
    void statusFilter() {
        List<SyncRecord> failed = await(store.records(q("f1", SyncStatus.FAILED, null, 0, 10)));
        assertThat(sourceIds(failed)).containsExactly("o1", "o0");
        assertThat(failed.get(0).payload()).isEqualTo("{}");
        assertThat(await(store.count(q("f1", SyncStatus.PENDING, null, 0, 10)))).isEqualTo(8);
        assertThat(await(store.count(q(null, SyncStatus.FAILED, null, 0, 10)))).isEqualTo(2);
    }

    @Test
    void textMatchesSearchTextOrSourceIdIgnoringCase() {
        assertThat(sourceIds(await(store.records(q("f1", null, "JANE.doe", 0, 10))))).containsExactly("o7");
        assertThat(sourceIds(await(store.records(q("f1", null, "O3", 0, 10))))).containsExactly("o3");
        assertThat(await(store.count(q("f1", null, "order #100", 0, 10)))).isEqualTo(10);
        // LIKE's wildcards are literal characters in a search.
        assertThat(await(store.count(q("f1", null, "%", 0, 10)))).isZero();
        assertThat(await(store.count(q("f1", null, "order_#", 0, 10)))).isZero();
    }

    @Test
    void createdTimeRangeIsFromInclusiveToExclusive() {
        RecordQuery range = new RecordQuery("f1", null, T0.plus(Duration.ofMinutes(2)), T0.plus(Duration.ofMinutes(5)),
                null, 0, 10);
        assertThat(sourceIds(await(store.records(range)))).containsExactly("o4", "o3", "o2");
        assertThat(await(store.count(range))).isEqualTo(3);
    }

    @Test
    void filtersCombine() {
        RecordQuery query = new RecordQuery("f1", SyncStatus.PENDING, T0, T0.plus(Duration.ofMinutes(8)), "order", 1, 2);
        assertThat(sourceIds(await(store.records(query)))).containsExactly("o6", "o5");
        assertThat(await(store.count(query))).isEqualTo(6);
    }

    @Test
    void statusCountsListEveryStatus() {
        Map<SyncStatus, Long> counts = await(store.statusCounts("f1"));
        assertThat(counts).containsEntry(SyncStatus.PENDING, 8L).containsEntry(SyncStatus.FAILED, 2L)
                .containsEntry(SyncStatus.SYNCED, 0L).containsEntry(SyncStatus.IN_PROGRESS, 0L)
                .containsEntry(SyncStatus.SKIPPED, 0L);
        assertThat(await(store.statusCounts("nope")).values()).containsOnly(0L);
    }

    @Test
    void recordsBySourceAreNewestFirstWithinTheFlow() {
        long v2 = await(store.ingest(List.of(rec("f1", "o3", "o3", "v2")), null, null)).get(0);
        List<SyncRecord> found = await(store.recordsBySource("f1", "o3"));
        assertThat(found).extracting(SyncRecord::id).containsExactly(v2, f1.get(3));
        assertThat(await(store.recordsBySource("f2", "o1"))).hasSize(1);
        assertThat(await(store.recordsBySource("f1", "missing"))).isEmpty();
    }

    @Test
    void unknownRecordIsEmpty() {
        assertThat(await(store.record(123_456L))).isEmpty();
        assertThat(await(store.attempts(123_456L))).isEmpty();
    }
}
