package dev.junction.hub.store.hsqldb;

import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Claimed;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.Ingested;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An ingest that claims its new records in its own transaction, and a claim that says when the queue is empty. */
class HsqldbStoreDirectClaimTest extends StoreFixture {
    static final Duration LEASE = Duration.ofMinutes(5);

    private static List<Long> ids(List<SyncRecord> records) {
        return records.stream().map(SyncRecord::id).toList();
    }

    private Completion synced(long id) {
        Attempt attempt = new Attempt(id, 1, T0, T0.plusSeconds(1), "SYNCED", null, "m1");
        return new Completion(id, SyncStatus.SYNCED, attempt, "1044", "created", Map.of(), List.of(), null, true);
    }

    @Test
    void anIngestClaimsUpToItsLimitAndQueuesTheRest() {
        Ingested in = await(store.ingest(List.of(rec("f1", "a", "1"), rec("f1", "b", "1"), rec("f1", "c", "1")),
                null, null, 2, T0, LEASE));

        assertThat(in.ids()).hasSize(3);
        assertThat(ids(in.claimed())).containsExactly(in.ids().get(0), in.ids().get(1));
        assertThat(in.claimed()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(SyncStatus.IN_PROGRESS);
            assertThat(r.claims()).as("a first claim: the sink may skip its look-before-create").isEqualTo(1);
            assertThat(r.payload()).startsWith("{\"id\":");
        });
        // the third is PENDING, and only it is left to claim
        assertThat(ids(await(store.claim("f1", 10, T0, LEASE)))).containsExactly(in.ids().get(2));
        assertThat(await(store.statusCounts("f1"))).containsEntry(SyncStatus.IN_PROGRESS, 3L);
    }

    @Test
    void aDirectlyClaimedRecordHoldsALeaseThatARestartReleases() {
        Ingested in = await(store.ingest(List.of(rec("f1", "a", "1")), null, null, 1, T0, LEASE));

        assertThat(await(store.releaseExpiredLeases(T0.plus(LEASE).minusSeconds(1)))).as("lease still running").isZero();
        assertThat(await(store.releaseExpiredLeases(T0.plus(LEASE).plusSeconds(1)))).isEqualTo(1);
        assertThat(ids(await(store.claim("f1", 10, T0.plus(LEASE), LEASE)))).containsExactly(in.ids().get(0));
    }

    @Test
    void aRecordWhoseEntityIsWaitingOrRunningIsQueuedNotClaimed() {
        long v1 = await(store.ingest(List.of(rec("f1", "218", "order-218", "v1")), null, null)).get(0);

        // v1 PENDING: v2 must not overtake it
        Ingested v2 = await(store.ingest(List.of(rec("f1", "218", "order-218", "v2")), null, null, 5, T0, LEASE));
        assertThat(v2.claimed()).isEmpty();
        assertThat(ids(await(store.claim("f1", 10, T0, LEASE)))).containsExactly(v1);

        // v1 IN_PROGRESS: v3 waits as well, and an unrelated entity is still claimed at once
        Ingested more = await(store.ingest(List.of(rec("f1", "218", "order-218", "v3"), rec("f1", "219", "order-219", "v1")),
                null, null, 5, T0, LEASE));
        assertThat(ids(more.claimed())).containsExactly(more.ids().get(1));

        await(store.complete(synced(v1)));
        assertThat(ids(await(store.claim("f1", 10, T0, LEASE)))).as("v2, then v3 after it").containsExactly(v2.ids().get(0));
    }

    @Test
    void aDuplicateIsNeitherStoredNorClaimed() {
        await(store.ingest(List.of(rec("f1", "a", "1")), null, null));

        Ingested again = await(store.ingest(List.of(rec("f1", "a", "1")), null, null, 5, T0, LEASE));

        assertThat(again.ids()).isEmpty();
        assertThat(again.claimed()).isEmpty();
    }

    @Test
    void aClaimSaysTheQueueIsEmptyOnlyWhenNothingIsPending() {
        List<Long> in = await(store.ingest(List.of(rec("f1", "218", "order-218", "v1"),
                rec("f1", "218", "order-218", "v2")), null, null));

        Claimed first = await(store.claimNext("f1", 10, T0, LEASE));
        assertThat(ids(first.records())).containsExactly(in.get(0));
        assertThat(first.queueEmpty()).as("v2 waits behind v1").isFalse();

        Claimed blocked = await(store.claimNext("f1", 10, T0, LEASE));
        assertThat(blocked.records()).isEmpty();
        assertThat(blocked.queueEmpty()).as("v2 is still PENDING, though not claimable now").isFalse();

        await(store.complete(synced(in.get(0))));
        Claimed last = await(store.claimNext("f1", 1, T0, LEASE));
        assertThat(ids(last.records())).containsExactly(in.get(1));
        assertThat(last.queueEmpty()).as("a full claim does not look further").isFalse();

        Claimed none = await(store.claimNext("f1", 10, T0, LEASE));
        assertThat(none.records()).isEmpty();
        assertThat(none.queueEmpty()).isTrue();
    }
}
