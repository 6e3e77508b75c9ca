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
}
