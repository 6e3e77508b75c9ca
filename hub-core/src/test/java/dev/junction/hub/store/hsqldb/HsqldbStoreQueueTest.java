package dev.junction.hub.store.hsqldb;

import dev.junction.api.service.IdLink;
import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HsqldbStoreQueueTest extends StoreFixture {
    static final Duration LEASE = Duration.ofMinutes(5);

    private List<Long> ids(List<SyncRecord> records) {
        return records.stream().map(SyncRecord::id).toList();
    }

    private Completion synced(long id, List<IdLink> links) {
        Attempt attempt = new Attempt(id, 1, T0, T0.plusSeconds(1), "SYNCED", null, "m1");
        return new Completion(id, SyncStatus.SYNCED, attempt, "1044", "created", Map.of("bpOrder", "1044"), links,
                null, true);
    }

    @Test
    void claimTakesDueRecordsSetsTheLeaseAndReturnsThem() {
        List<Long> in = await(store.ingest(List.of(rec("f1", "a", "1"), rec("f1", "b", "1"), rec("f2", "c", "1")),
                null, null));

        List<SyncRecord> claimed = await(store.claim("f1", 10, T0, LEASE));

        assertThat(ids(claimed)).containsExactly(in.get(0), in.get(1));
        assertThat(claimed).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(SyncStatus.IN_PROGRESS);
            assertThat(r.payload()).startsWith("{\"id\":");
        });
        assertThat(await(store.claim("f1", 10, T0, LEASE))).isEmpty();
        assertThat(await(store.claim("f2", 10, T0, LEASE))).hasSize(1);
    }

    @Test
    void claimHonoursTheLimitAndTheDueTime() {
        await(store.ingest(List.of(rec("f1", "a", "1"), rec("f1", "b", "1"), rec("f1", "c", "1")), null, null));

        assertThat(await(store.claim("f1", 2, T0, LEASE))).hasSize(2);
        assertThat(await(store.claim("f1", 2, T0.minusSeconds(1), LEASE))).as("not yet due").isEmpty();
        assertThat(await(store.claim("f1", 2, T0, LEASE))).hasSize(1);
    }

    @Test
    void recordsOfOneEntityAreClaimedOneAtATimeOldestFirst() {
        List<Long> in = await(store.ingest(List.of(rec("f1", "218", "order-218", "v1"),
                rec("f1", "218", "order-218", "v2"), rec("f1", "219", "order-219", "v1")), null, null));

        List<SyncRecord> first = await(store.claim("f1", 10, T0, LEASE));
        assertThat(ids(first)).containsExactly(in.get(0), in.get(2));

        // v2 of order 218 waits while v1 is in progress...
        assertThat(await(store.claim("f1", 10, T0, LEASE))).isEmpty();

        // ...and is claimable once v1 is done.
        await(store.complete(synced(in.get(0), List.of())));
        assertThat(ids(await(store.claim("f1", 10, T0, LEASE)))).containsExactly(in.get(1));
    }

    @Test
    void aNewerRecordDoesNotOvertakeAnOlderOneWaitingForItsBackoff() {
        List<Long> in = await(store.ingest(List.of(rec("f1", "218", "order-218", "v1")), null, null));
        await(store.claim("f1", 1, T0, LEASE));
        Instant backoff = T0.plusSeconds(60);
        await(store.complete(new Completion(in.get(0), SyncStatus.PENDING,
                new Attempt(in.get(0), 1, T0, T0, "RETRY", "HTTP 503", "m1"), null, null, null, null, backoff, true)));
        long v2 = await(store.ingest(List.of(rec("f1", "218", "order-218", "v2")), null, null)).get(0);

        assertThat(await(store.claim("f1", 10, T0.plusSeconds(30), LEASE))).isEmpty();
        // v2 was due at T0 but cannot go before v1, so the next due time is v1's backoff, not T0.
        assertThat(await(store.nextDue("f1"))).contains(backoff);
        assertThat(ids(await(store.claim("f1", 10, backoff, LEASE)))).containsExactly(in.get(0));
        assertThat(v2).isGreaterThan(in.get(0));
    }

    @Test
    void concurrentClaimsNeverReturnTheSameRecord() throws Exception {
        List<dev.junction.hub.store.NewRecord> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(rec("f1", "o" + i, "1"));
        }
        await(store.ingest(batch, null, null));

        int claimers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        CountDownLatch start = new CountDownLatch(1);
        List<java.util.concurrent.Future<List<Long>>> results = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                List<SyncRecord> got;
                do {
                    got = await(store.claim("f1", 7, T0, LEASE));
                    mine.addAll(ids(got));
                } while (!got.isEmpty());
                return mine;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (var r : results) {
            all.addAll(r.get());
        }
        pool.shutdownNow();

        assertThat(all).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void expiredLeasesReturnToPendingAndUnexpiredOnesStay() {
        List<Long> in = await(store.ingest(List.of(rec("f1", "a", "1"), rec("f1", "b", "1")), null, null));
        await(store.claim("f1", 1, T0, Duration.ofMinutes(1)));
        await(store.claim("f1", 1, T0, Duration.ofMinutes(10)));

        assertThat(await(store.releaseExpiredLeases(T0.plusSeconds(120)))).isEqualTo(1);

        assertThat(await(store.record(in.get(0))).orElseThrow().status()).isEqualTo(SyncStatus.PENDING);
        assertThat(await(store.record(in.get(1))).orElseThrow().status()).isEqualTo(SyncStatus.IN_PROGRESS);
        // Released records are due at once, not at some later time.
        assertThat(ids(await(store.claim("f1", 10, T0.plusSeconds(120), LEASE)))).containsExactly(in.get(0));
    }

    @Test
    void releaseOnStartWithAFarFutureInstantFreesEveryLeaseAndTheyAreDueNow() {
        List<Long> in = await(store.ingest(List.of(rec("f1", "a", "1"), rec("f1", "b", "1")), null, null));
        await(store.claim("f1", 10, T0, Duration.ofHours(1)));

        assertThat(await(store.releaseExpiredLeases(Instant.parse("9999-01-01T00:00:00Z")))).isEqualTo(2);

        assertThat(ids(await(store.claim("f1", 10, T0, LEASE)))).containsExactlyElementsOf(in);
    }

    @Test
    void completionWritesStateAttemptAndLinksTogether() {
        long id = await(store.ingest(List.of(rec("f1", "218", "v1")), null, null)).get(0);
        await(store.claim("f1", 1, T0, LEASE));
        clock.set(T0.plusSeconds(2));

        await(store.complete(synced(id, List.of(new IdLink("order", "bc", "218", "bp", "1044")))));

        SyncRecord r = await(store.record(id)).orElseThrow();
        assertThat(r.status()).isEqualTo(SyncStatus.SYNCED);
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.remoteId()).isEqualTo("1044");
        assertThat(r.message()).isEqualTo("created");
        assertThat(r.facts()).containsEntry("bpOrder", "1044");
        assertThat(r.syncedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(r.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(r.lastError()).isNull();
        assertThat(await(store.attempts(id))).containsExactly(
                new Attempt(id, 1, T0, T0.plusSeconds(1), "SYNCED", null, "m1"));
        assertThat(await(store.findLink("order", "bc", "218", "bp"))).contains("1044");
        assertThat(await(store.findLink("order", "bp", "1044", "bc"))).contains("218");
    }

    @Test
    void aFailingCompletionLeavesNothingBehind() {
        long id = await(store.ingest(List.of(rec("f1", "218", "v1")), null, null)).get(0);
        await(store.claim("f1", 1, T0, LEASE));
        // The second link's id is longer than its column: the statement fails after the record was updated.
        List<IdLink> links = List.of(new IdLink("order", "bc", "218", "bp", "1044"),
                new IdLink("order", "bc", "218", "sh", "x".repeat(600)));

        assertThatThrownBy(() -> await(store.complete(synced(id, links)))).isNotNull();

        SyncRecord r = await(store.record(id)).orElseThrow();
        assertThat(r.status()).isEqualTo(SyncStatus.IN_PROGRESS);
        assertThat(r.attempts()).isZero();
        assertThat(r.remoteId()).isNull();
        assertThat(await(store.attempts(id))).isEmpty();
        assertThat(await(store.findLink("order", "bc", "218", "bp"))).isEmpty();
    }

    @Test
    void aRetryableFailureReschedulesAndCountsButThrottlingDoesNotCount() {
        long id = await(store.ingest(List.of(rec("f1", "218", "v1")), null, null)).get(0);
        await(store.claim("f1", 1, T0, LEASE));
        Instant retryAt = T0.plusSeconds(30);
        await(store.complete(new Completion(id, SyncStatus.PENDING,
                new Attempt(id, 1, T0, T0, "RETRY", "Brightpearl answered 503", "m1"), null, null, null, null,
                retryAt, true)));

        SyncRecord afterRetry = await(store.record(id)).orElseThrow();
        assertThat(afterRetry.status()).isEqualTo(SyncStatus.PENDING);
        assertThat(afterRetry.attempts()).isEqualTo(1);
        assertThat(afterRetry.lastError()).isEqualTo("Brightpearl answered 503");
        assertThat(afterRetry.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(await(store.nextDue("f1"))).contains(retryAt);

        await(store.claim("f1", 1, retryAt, LEASE));
        await(store.complete(new Completion(id, SyncStatus.PENDING,
                new Attempt(id, 2, retryAt, retryAt, "THROTTLED", null, "m1"), null, null, null, null,
                retryAt.plusSeconds(10), false)));

        SyncRecord afterThrottle = await(store.record(id)).orElseThrow();
        assertThat(afterThrottle.attempts()).isEqualTo(1);
        assertThat(afterThrottle.nextAttemptAt()).isEqualTo(retryAt.plusSeconds(10));
        assertThat(await(store.attempts(id))).extracting(Attempt::outcome).containsExactly("RETRY", "THROTTLED");
    }

    @Test
    void aCompletionForARecordNoLongerInProgressIsRefused() {
        long id = await(store.ingest(List.of(rec("f1", "218", "v1")), null, null)).get(0);
        await(store.claim("f1", 1, T0, Duration.ofSeconds(1)));
        await(store.releaseExpiredLeases(T0.plusSeconds(5)));

        assertThatThrownBy(() -> await(store.complete(synced(id, List.of()))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not in progress");
        assertThat(await(store.record(id)).orElseThrow().status()).isEqualTo(SyncStatus.PENDING);
    }

    @Test
    void retryMakesAFinishedRecordDueNowButNotOneInProgress() {
        List<Long> in = await(store.ingest(List.of(rec("f1", "a", "1"), rec("f1", "b", "1")), null, null));
        await(store.claim("f1", 10, T0, LEASE));
        await(store.complete(new Completion(in.get(0), SyncStatus.FAILED,
                new Attempt(in.get(0), 1, T0, T0, "FAILED", "unmapped shipping method 'Drone'", "m1"),
                null, "map 'Drone' in shipping-methods", null, null, null, true)));
        Instant later = T0.plusSeconds(3600);

        assertThat(await(store.retry(in.get(0), later))).isTrue();
        assertThat(await(store.retry(in.get(1), later))).as("in progress").isFalse();
        assertThat(await(store.retry(999_999L, later))).as("unknown").isFalse();

        SyncRecord retried = await(store.record(in.get(0))).orElseThrow();
        assertThat(retried.status()).isEqualTo(SyncStatus.PENDING);
        assertThat(retried.nextAttemptAt()).isEqualTo(later);
        assertThat(ids(await(store.claim("f1", 10, later, LEASE)))).containsExactly(in.get(0));
    }

    @Test
    void nextDueIsEmptyWithoutPendingRecords() {
        assertThat(await(store.nextDue("f1"))).isEmpty();
        await(store.ingest(List.of(rec("f1", "a", "1")), null, null));
        assertThat(await(store.nextDue("f1"))).contains(T0);
        await(store.claim("f1", 10, T0, LEASE));
        assertThat(await(store.nextDue("f1"))).isEmpty();
    }

    @Test
    void largeQueueStillClaimsCorrectly() {
        // Correctness on a queue with many entities and many versions each; speed is measured elsewhere.
        List<dev.junction.hub.store.NewRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            batch.add(rec("f1", "o" + (i % 500), "e" + (i % 500), "v" + (i / 500)));
        }
        await(store.ingest(batch, null, null));

        List<SyncRecord> claimed = await(store.claim("f1", 100, T0, LEASE));

        assertThat(claimed).hasSize(100);
        Set<String> entities = new HashSet<>();
        claimed.forEach(r -> entities.add(r.entityKey()));
        assertThat(entities).hasSize(100);
        assertThat(claimed).allSatisfy(r -> assertThat(r.contentKey()).isEqualTo("v0"));
    }
}
