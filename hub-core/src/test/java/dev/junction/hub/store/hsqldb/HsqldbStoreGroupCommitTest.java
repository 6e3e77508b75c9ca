package dev.junction.hub.store.hsqldb;

import dev.junction.api.service.IdLink;
import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Completions and ingests submitted together (as the engine does under load) keep their one-by-one meaning. */
class HsqldbStoreGroupCommitTest extends StoreFixture {

    private static Completion synced(long id, String remoteId) {
        Attempt attempt = new Attempt(id, 1, T0, T0.plusSeconds(1), "SYNCED", null, "m1");
        IdLink link = new IdLink("order", "bc", "src-" + id, "bp", remoteId);
        return new Completion(id, SyncStatus.SYNCED, attempt, remoteId, "created", Map.of(), List.of(link), null, true);
    }

    @Test
    void completionsSubmittedTogetherAreAllCommittedAndAStaleOneFailsAlone() {
        List<NewRecord> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(rec("f1", "o" + i, "1"));
        }
        List<Long> ids = await(store.ingest(rows, null, null));
        List<SyncRecord> claimed = await(store.claim("f1", 19, T0, Duration.ofMinutes(5)));
        long notClaimed = ids.get(19);
        assertThat(claimed).extracting(SyncRecord::id).doesNotContain(notClaimed);

        List<Future<Void>> done = new ArrayList<>();
        for (SyncRecord r : claimed) {
            done.add(store.complete(synced(r.id(), "bp-" + r.id())));
        }
        Future<Void> stale = store.complete(synced(notClaimed, "bp-stale"));
        await(Future.join(done));
        await(Future.join(List.of(stale)).otherwiseEmpty());

        assertThat(done).allMatch(Future::succeeded);
        assertThat(stale.failed()).isTrue();
        assertThat(stale.cause()).hasMessageContaining("not in progress");
        Map<SyncStatus, Long> counts = await(store.statusCounts("f1"));
        assertThat(counts.get(SyncStatus.SYNCED)).isEqualTo(19);
        assertThat(counts.get(SyncStatus.PENDING)).isEqualTo(1);
        for (SyncRecord r : claimed) {
            assertThat(await(store.findLink("order", "bc", "src-" + r.id(), "bp"))).contains("bp-" + r.id());
            assertThat(await(store.attempts(r.id()))).hasSize(1);
        }
        assertThat(await(store.findLink("order", "bc", "src-" + notClaimed, "bp"))).isEmpty();
    }

    @Test
    void ingestsSubmittedTogetherDedupeAcrossEachOtherAndEachGetsItsOwnIds() {
        List<Future<List<Long>>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(store.ingest(List.of(rec("f1", "w" + (i % 5), "1")), null, null)); // each id twice
        }
        await(Future.join(calls));

        long inserted = calls.stream().mapToLong(f -> f.result().size()).sum();
        assertThat(inserted).as("each of the 5 ids stored once").isEqualTo(5);
        assertThat(calls.subList(5, 10)).as("the repeats are duplicates").allMatch(f -> f.result().isEmpty());
        assertThat(await(store.statusCounts("f1")).get(SyncStatus.PENDING)).isEqualTo(5);
    }
}
