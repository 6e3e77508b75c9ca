package dev.junction.plugin.brightpearl.support;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sharing rules of {@link Refresher}, with refreshes the test completes by hand. */
class RefresherTest {
    private final List<Promise<Void>> runs = new ArrayList<>();
    private final Refresher refresher = new Refresher(() -> {
        Promise<Void> p = Promise.promise();
        runs.add(p);
        return p.future();
    });

    @Test
    void callersWhoseTicketPrecedesARefreshShareIt() {
        long t = refresher.ticket();
        Future<Void> a = refresher.after(t);
        Future<Void> b = refresher.after(t);
        assertThat(runs).hasSize(1);
        runs.get(0).complete();
        assertThat(a.succeeded()).isTrue();
        assertThat(b.succeeded()).isTrue();
        assertThat(refresher.after(t).succeeded()).as("already satisfied: no new refresh").isTrue();
        assertThat(runs).hasSize(1);
    }

    @Test
    void callersArrivingDuringARefreshWaitForOneNextRefreshShared() {
        Future<Void> first = refresher.after(refresher.ticket());
        long late = refresher.ticket();
        Future<Void> x = refresher.after(late);
        Future<Void> y = refresher.after(refresher.ticket());
        Future<Void> byAge = refresher.any();
        assertThat(runs).as("one running, the next only queued").hasSize(1);
        runs.get(0).complete();
        assertThat(first.succeeded()).isTrue();
        assertThat(byAge.succeeded()).as("any refresh will do for it").isTrue();
        assertThat(x.isComplete()).as("began before these callers: not good enough for them").isFalse();
        assertThat(runs).as("the queued refresh starts when the first ends").hasSize(2);
        runs.get(1).complete();
        assertThat(x.succeeded()).isTrue();
        assertThat(y.succeeded()).isTrue();
        assertThat(runs).hasSize(2);
    }

    @Test
    void aFailedRefreshFailsItsWaitersAndTheNextCallerTriesAgain() {
        long t = refresher.ticket();
        Future<Void> a = refresher.after(t);
        Future<Void> queued = refresher.after(refresher.ticket());
        runs.get(0).fail(new IllegalStateException("Brightpearl down"));
        assertThat(a.failed()).isTrue();
        assertThat(queued.isComplete()).isFalse();
        assertThat(runs).hasSize(2);
        runs.get(1).complete();
        assertThat(queued.succeeded()).isTrue();
        assertThat(refresher.after(t).succeeded()).as("a later refresh succeeded").isTrue();
        assertThat(refresher.running()).isFalse();
    }

    @Test
    void aRefreshRestsAsLongAsThePreviousTookBeforeStarting() {
        long[] now = {0};
        List<Long> delays = new ArrayList<>();
        List<Runnable> scheduled = new ArrayList<>();
        List<Promise<Void>> paced = new ArrayList<>();
        Refresher r = new Refresher(() -> {
            Promise<Void> p = Promise.promise();
            paced.add(p);
            return p.future();
        }, (ms, task) -> {
            delays.add(ms);
            scheduled.add(task);
        }, () -> now[0]);

        Future<Void> first = r.after(r.ticket());
        now[0] = 40;
        Future<Void> queued = r.after(r.ticket());
        paced.get(0).complete();
        assertThat(first.succeeded()).isTrue();
        assertThat(paced).as("the queued refresh waits, it does not start back to back").hasSize(1);
        assertThat(delays).as("rest = the 40 ms the first one took").containsExactly(40L);

        now[0] = 60;
        Future<Void> joined = r.after(r.ticket());
        assertThat(scheduled).as("a caller during the rest joins the scheduled refresh").hasSize(1);
        now[0] = 80;
        scheduled.get(0).run();
        assertThat(paced).hasSize(2);
        paced.get(1).complete();
        assertThat(queued.succeeded()).isTrue();
        assertThat(joined.succeeded()).isTrue();

        // Ended at 80 after 0 ms: the next one may start at once.
        Future<Void> immediate = r.after(r.ticket());
        assertThat(paced).as("no rest after a refresh that took no time").hasSize(3);
        now[0] = 10_080;
        paced.get(2).complete();
        assertThat(immediate.succeeded()).isTrue();

        // After a 10 s refresh the rest is capped, and a caller arriving during it is scheduled for its end.
        now[0] = 10_100;
        Future<Void> capped = r.after(r.ticket());
        assertThat(paced).hasSize(3);
        assertThat(delays).as("the rest is capped, and counted from the end of the last refresh")
                .containsExactly(40L, Refresher.MAX_PAUSE_MS - 20);
        scheduled.get(1).run();
        paced.get(3).complete();
        assertThat(capped.succeeded()).isTrue();

        // Long after the rest is over, a caller starts a refresh at once.
        now[0] = 20_000;
        r.after(r.ticket());
        assertThat(paced).hasSize(5);
    }

    @Test
    void theFirstRefreshStartsAtOnceWhateverTheClockReads() {
        for (long start : new long[]{123_456_789L, -987_654_321L, Long.MAX_VALUE / 2}) {
            List<Promise<Void>> started = new ArrayList<>();
            List<Long> delays = new ArrayList<>();
            Refresher r = new Refresher(() -> {
                Promise<Void> p = Promise.promise();
                started.add(p);
                return p.future();
            }, (ms, task) -> delays.add(ms), () -> start);
            r.after(r.ticket());
            assertThat(started).as("clock at %d", start).hasSize(1);
            assertThat(delays).isEmpty();
        }
    }
}
