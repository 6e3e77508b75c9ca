package dev.junction.hub.store.hsqldb;

import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import io.vertx.core.Future;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The status counts the store keeps in memory always equal what SQL counts in the table. */
class HsqldbStoreStatusCountsTest extends StoreFixture {
    static final Duration LEASE = Duration.ofMinutes(5);

    private Map<SyncStatus, Long> counted(String flow) throws Exception {
        Map<SyncStatus, Long> out = new EnumMap<>(SyncStatus.class);
        for (SyncStatus s : SyncStatus.values()) {
            out.put(s, 0L);
        }
        try (Connection c = raw();
             PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM sync_record WHERE flow_id = ? GROUP BY status")) {
            ps.setString(1, flow);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(SyncStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private void assertCountsMatchTheTable(String... flows) throws Exception {
        for (String flow : flows) {
            assertThat(await(store.statusCounts(flow))).as(flow).isEqualTo(counted(flow));
        }
    }

    private static Completion done(long id, SyncStatus status) {
        Attempt attempt = new Attempt(id, 1, T0, T0.plusSeconds(1), status == SyncStatus.PENDING ? "RETRY" : status.name(),
                null, "m1");
        return new Completion(id, status, attempt, null, "m", Map.of(), List.of(), T0.plusSeconds(30), true);
    }

    private static List<NewRecord> records(String flow, String prefix, int n) {
        List<NewRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(rec(flow, prefix + i, "1"));
        }
        return out;
    }

    @Test
    void everyKindOfChangeKeepsTheCountsEqualToTheTable() throws Exception {
        assertCountsMatchTheTable("f1", "f2"); // counted (as empty) before anything happens
        await(store.ingest(records("f1", "a", 6), null, null));
        await(store.ingest(records("f1", "a", 6), null, null)); // all duplicates
        await(store.ingest(records("f2", "b", 2), null, null));
        assertCountsMatchTheTable("f1", "f2");

        List<SyncRecord> claimed = await(store.claim("f1", 5, T0, LEASE));
        assertCountsMatchTheTable("f1", "f2");

        await(store.complete(done(claimed.get(0).id(), SyncStatus.SYNCED)));
        await(store.complete(done(claimed.get(1).id(), SyncStatus.FAILED)));
        await(store.complete(done(claimed.get(2).id(), SyncStatus.SKIPPED)));
        await(store.complete(done(claimed.get(3).id(), SyncStatus.PENDING)));
        Future<Void> stale = store.complete(done(claimed.get(0).id(), SyncStatus.FAILED)); // completed already
        await(Future.join(List.of(stale)).otherwiseEmpty());
        assertThat(stale.failed()).isTrue();
        assertCountsMatchTheTable("f1", "f2");

        assertThat(await(store.retry(claimed.get(1).id(), T0))).isTrue();
        assertCountsMatchTheTable("f1", "f2");

        assertThat(await(store.releaseExpiredLeases(T0.plus(LEASE).plusSeconds(1)))).isEqualTo(1);
        assertCountsMatchTheTable("f1", "f2");
    }

    @Test
    void countsAskedForWhileTheQueueMovesStayExact() throws Exception {
        List<Future<?>> work = new ArrayList<>();
        List<Future<java.util.Map<SyncStatus, Long>>> early = new ArrayList<>();
        for (int round = 0; round < 20; round++) {
            int r = round;
            work.add(store.ingest(records("f1", "r" + r + "-", 10), null, null)
                    .compose(ids -> store.claim("f1", 7, T0, LEASE))
                    .compose(claimed -> {
                        List<Future<Void>> completions = new ArrayList<>();
                        for (SyncRecord rec : claimed) {
                            completions.add(store.complete(done(rec.id(), r % 2 == 0 ? SyncStatus.SYNCED : SyncStatus.PENDING)));
                        }
                        return Future.all(completions);
                    }));
            if (round == 3) {
                early.add(store.statusCounts("f1")); // the first count runs while other rounds are in flight
            }
        }
        await(Future.all(work));
        await(Future.all(early));
        assertCountsMatchTheTable("f1");
    }
}
