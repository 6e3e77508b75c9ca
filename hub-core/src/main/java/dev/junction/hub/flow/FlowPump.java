package dev.junction.hub.flow;

import dev.junction.hub.store.Claimed;
import dev.junction.hub.store.Cursor;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * A flow's pump: claims due records under a lease and starts an attempt for each, keeping at most
 * {@code concurrency} in flight. Runs on the flow's context, except {@link #signal()} and the direct-claim
 * permits, which any thread may use.
 *
 * <p><b>Knowing the queue is empty.</b> A claim that takes fewer records than asked also asks the store whether
 * any record is PENDING at all. While that answer stands, nothing can be waiting unless something was queued
 * since, and everything that queues a record {@linkplain #signal() signals} (an ingest that did not claim all it
 * stored, an attempt that ends PENDING, an admin retry, a resume). So the pump counts signals, and skips the
 * claim a completion would otherwise run when no signal came since the claim that found the queue empty.
 *
 * <p><b>Direct claims.</b> In that same state, an ingest may claim its new records in its own transaction
 * ({@link SyncStore#ingest(List, String, Cursor, int, java.time.Instant, Duration)}), taking free slots for them. A quiet flow then spends one store transaction and hand-off per record
 * less. With a backlog (the queue is not known to be empty) or during an outage, new records queue as before,
 * so they cannot overtake older ones.
 */
final class FlowPump {
    private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);
    private static final long IDLE_RECHECK_MS = 5_000;

    private final FlowConfig config;
    private final Vertx vertx;
    private final SyncStore store;
    private final Clock clock;
    private final OutageGate outage;
    private final Function<SyncRecord, Future<SyncStatus>> attempt;
    private final BooleanSupplier halted;
    /** Records in flight and slots reserved for claims under way; any thread (direct claims reserve here). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong signals = new AtomicLong();
    /** The signal count at which a claim found no PENDING record; -1 when not known empty. */
    private volatile long emptyAsOf = -1;
    /** The outage gate's state as other threads may read it (the gate itself is the flow context's). */
    private volatile boolean outageClosed;
    private Context context;
    private boolean claiming;
    private boolean wanted;
    private long wakeTimer = -1;

    /**
     * @param attempt runs one attempt and yields the status it committed (null if it could not commit one)
     * @param halted  true while the flow is paused, stopping or unbound: nothing is claimed
     */
    FlowPump(FlowConfig config, Vertx vertx, SyncStore store, Clock clock, OutageGate outage,
             Function<SyncRecord, Future<SyncStatus>> attempt, BooleanSupplier halted) {
        this.config = config;
        this.vertx = vertx;
        this.store = store;
        this.clock = clock;
        this.outage = outage;
        this.attempt = attempt;
        this.halted = halted;
    }

    void start(Context flowContext) {
        this.context = flowContext;
        context.runOnContext(v -> pump());
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Whether a claim found nothing PENDING and nothing has been queued since (new records are then claimed directly). */
    boolean queueKnownEmpty() {
        return emptyAsOf == signals.get();
    }

    /** Asks the pump to look for due work (something may have been queued). Safe from any thread. */
    void signal() {
        signals.incrementAndGet();
        if (context != null) {
            context.runOnContext(v -> pump());
        }
    }

    /**
     * Stores new records (and the cursor, if given) and starts those it may claim at once; signals for the rest.
     * Completes once the ingest has committed, with the new records' ids.
     */
    Future<List<Long>> ingest(List<NewRecord> records, String cursorFlowId, Cursor cursor) {
        int reserved = reserve(records.size());
        return store.ingest(records, cursorFlowId, cursor, reserved, clock.instant(), FlowRuntime.LEASE)
                .onFailure(e -> release(reserved))
                .map(done -> {
                    if (reserved > 0) {
                        started(done.claimed(), reserved);
                    }
                    if (done.ids().size() > done.claimed().size()) {
                        signal();
                    }
                    return done.ids();
                });
    }

    /**
     * Takes up to {@code count} slots for records an ingest will claim itself: none unless the queue is known
     * empty, the remote is not in an outage and slots are free.
     */
    private int reserve(int count) {
        if (context == null || count <= 0 || outageClosed || halted.getAsBoolean() || !queueKnownEmpty()) {
            return 0;
        }
        while (true) {
            int now = inFlight.get();
            int take = Math.min(count, config.concurrency() - now);
            if (take <= 0) {
                return 0;
            }
            if (inFlight.compareAndSet(now, now + take)) {
                return take;
            }
        }
    }

    /** Starts the records an ingest claimed with {@code reserved} slots, and gives back the slots left over. */
    private void started(List<SyncRecord> claimed, int reserved) {
        context.runOnContext(v -> {
            inFlight.addAndGet(claimed.size() - reserved);
            claimed.forEach(this::run);
            if (claimed.size() < reserved) {
                pump();
            }
        });
    }

    private void release(int reserved) {
        if (reserved > 0) {
            inFlight.addAndGet(-reserved);
        }
    }

    private void run(SyncRecord r) {
        outage.claimed(r.id());
        attempt.apply(r).onComplete(done -> context.runOnContext(x -> {
            inFlight.decrementAndGet();
            outage.finished(r.id(), clock.instant());
            if (done.failed() || done.result() == null || done.result() == SyncStatus.PENDING) {
                signals.incrementAndGet(); // queued again (a retry, an outage) or unknown: the queue is not empty
            }
            pump();
        }));
    }

    private void pump() {
        outageClosed = outage.closed();
        if (halted.getAsBoolean()) {
            return;
        }
        if (claiming) {
            wanted = true;
            return;
        }
        long seen = signals.get();
        if (emptyAsOf == seen) {
            return; // nothing is PENDING: no signal since a claim found the queue empty
        }
        int current = inFlight.get();
        int free = outage.claimable(config.concurrency() - current, clock.instant());
        if (free <= 0) {
            outage.nextProbe().ifPresent(at -> scheduleWake(Math.max(5, Duration.between(clock.instant(), at).toMillis())));
            return;
        }
        // At high concurrency every completion freed one slot and ran the claim query for one record; while
        // others are in flight, wait for an eighth of the slots (at concurrency 8 or less: every slot, as before).
        int batch = outage.closed() ? 1 : Math.max(1, config.concurrency() / 8);
        if (free < batch && current > 0) {
            return;
        }
        if (!inFlight.compareAndSet(current, current + free)) {
            context.runOnContext(v -> pump()); // a direct claim took slots meanwhile: count again
            return;
        }
        claiming = true;
        wanted = false;
        cancelWake();
        store.claimNext(config.id(), free, clock.instant(), FlowRuntime.LEASE).onComplete(ar -> context.runOnContext(v -> {
            claiming = false;
            if (ar.failed()) {
                inFlight.addAndGet(-free);
                LOG.error("Flow {}: could not claim records: {}", config.id(), ar.cause().toString());
                scheduleWake(IDLE_RECHECK_MS);
                return;
            }
            Claimed claimed = ar.result();
            List<SyncRecord> records = claimed.records();
            inFlight.addAndGet(records.size() - free);
            if (claimed.queueEmpty()) {
                emptyAsOf = seen;
            }
            records.forEach(this::run);
            if (wanted || records.size() == free) {
                pump();
            } else if (inFlight.get() == 0 || records.isEmpty()) {
                if (claimed.queueEmpty()) {
                    scheduleWake(IDLE_RECHECK_MS); // a safety net only: whatever queues a record signals
                } else {
                    scheduleNextDue();
                }
            }
        }));
    }

    private void scheduleNextDue() {
        store.nextDue(config.id()).onComplete(ar -> context.runOnContext(v -> {
            long delay = IDLE_RECHECK_MS;
            if (ar.succeeded() && ar.result().isPresent()) {
                delay = Math.max(5, Math.min(IDLE_RECHECK_MS, Duration.between(clock.instant(), ar.result().get()).toMillis()));
            }
            scheduleWake(delay);
        }));
    }

    private void scheduleWake(long delayMs) {
        if (halted.getAsBoolean()) {
            return;
        }
        cancelWake();
        wakeTimer = vertx.setTimer(delayMs, t -> {
            wakeTimer = -1;
            signals.incrementAndGet(); // a due retry or a probe: claim even if the queue was last seen empty
            pump();
        });
    }

    private void cancelWake() {
        if (wakeTimer >= 0) {
            vertx.cancelTimer(wakeTimer);
            wakeTimer = -1;
        }
    }

    /**
     * For a stopping flow (already halted): cancels the wake-up and completes once nothing is in flight, or at
     * {@code deadlineMs}, whichever is first.
     */
    Future<Void> drained(long deadlineMs) {
        if (context == null) {
            return Future.succeededFuture(); // never started: nothing can be in flight
        }
        Promise<Void> drained = Promise.promise();
        context.runOnContext(v -> {
            cancelWake();
            awaitDrained(drained, deadlineMs);
        });
        return drained.future();
    }

    private void awaitDrained(Promise<Void> drained, long deadlineMs) {
        if (inFlight.get() == 0 || System.currentTimeMillis() > deadlineMs) {
            if (inFlight.get() > 0) {
                LOG.warn("Flow {}: stopping with {} records in flight; they return to the queue on the next start",
                        config.id(), inFlight.get());
            }
            drained.complete();
            return;
        }
        vertx.setTimer(20, t -> awaitDrained(drained, deadlineMs));
    }
}
