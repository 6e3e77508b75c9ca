package dev.junction.plugin.brightpearl.support;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs a refresh (one Brightpearl search, or a few pages) at most once at a time and lets every caller that
 * needs one share it, so a burst of lookups costs one call instead of one each.
 *
 * <p>A caller that needs "a refresh that began after I started" takes a {@link #ticket()} when it starts and
 * then waits on {@link #after(long)}: answered at once if such a refresh has already succeeded, by the one in
 * flight if that began after the ticket, else by the next one. The next one serves every caller queued
 * meanwhile, so there is never more than one refresh running and one waiting.
 *
 * <p><b>Pacing.</b> A refresh does not start sooner after the previous one ended than that one took (at most
 * {@link #MAX_PAUSE_MS}): at most half the time refreshing. Each refresh re-reads a fixed overlap of recent
 * changes ({@link SearchIndex#SKEW}), so refreshes run back to back under load re-read every changed row dozens
 * of times: at 600 orders a second that was 57 contact rows searched per order, 16% of the Brightpearl
 * simulator's CPU. Paced, a refresh carries more callers and the rows are read about half as often; a caller
 * waits at most one extra refresh time, and with nothing queued the next refresh starts at once as before.
 */
public final class Refresher {
    /** The longest rest between two refreshes, whatever the last one took. */
    static final long MAX_PAUSE_MS = 250;

    /** Runs a task after a delay; the default asks the calling Vert.x context for a timer. */
    @FunctionalInterface
    public interface Delay {
        void run(long delayMs, Runnable task);

        /** On the caller's Vert.x context after {@code delayMs}; at once outside one (or with no delay). */
        Delay VERTX_TIMER = (delayMs, task) -> {
            Context context = Vertx.currentContext();
            if (delayMs <= 0 || context == null) {
                task.run();
            } else {
                context.owner().setTimer(delayMs, t -> task.run());
            }
        };
    }

    private final Supplier<Future<Void>> action;
    private final Delay delay;
    private final LongSupplier millis;

    // guarded by this
    private long started;
    private long succeeded;
    private long inFlightSeq;
    private long inFlightSince;
    private Promise<Void> inFlight;
    private Promise<Void> queued;
    private boolean queuedScheduled;
    private long notBefore = Long.MIN_VALUE;

    public Refresher(Supplier<Future<Void>> action) {
        this(action, Delay.VERTX_TIMER, () -> System.nanoTime() / 1_000_000);
    }

    Refresher(Supplier<Future<Void>> action, Delay delay, LongSupplier millis) {
        this.action = action;
        this.delay = delay;
        this.millis = millis;
    }

    /** What a caller starting now must see a refresh begin after. */
    public synchronized long ticket() {
        return started;
    }

    /** Completes once a refresh that began after {@code ticket} has succeeded (or fails with the one that ran). */
    public Future<Void> after(long ticket) {
        Promise<Void> launch;
        long seq;
        long wait;
        synchronized (this) {
            if (succeeded > ticket) {
                return Future.succeededFuture();
            }
            if (inFlight != null && inFlightSeq > ticket) {
                return inFlight.future();
            }
            if (inFlight != null || queued != null) {
                if (queued == null) {
                    queued = Promise.promise(); // started (or scheduled) when the one in flight ends
                }
                return queued.future();
            }
            long now = millis.getAsLong();
            wait = now < notBefore ? notBefore - now : 0; // compared, not subtracted: notBefore starts at MIN_VALUE
            if (wait > 0) {
                queued = Promise.promise();
                queuedScheduled = true;
                launch = queued;
                seq = 0;
            } else {
                launch = Promise.promise();
                seq = begin(launch);
            }
        }
        if (seq == 0) {
            delay.run(wait, this::startQueued);
        } else {
            run(seq, launch);
        }
        return launch.future();
    }

    /** A refresh starting now or the one in flight, whichever comes first (for freshness by age, not by caller). */
    public Future<Void> any() {
        long t;
        synchronized (this) {
            if (inFlight != null) {
                return inFlight.future();
            }
            t = started;
        }
        return after(t);
    }

    /** Whether a refresh is running. */
    public synchronized boolean running() {
        return inFlight != null;
    }

    private long begin(Promise<Void> p) {
        inFlight = p;
        inFlightSeq = ++started;
        inFlightSince = millis.getAsLong();
        return inFlightSeq;
    }

    private void run(long seq, Promise<Void> p) {
        Future<Void> f;
        try {
            f = action.get();
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        f.onComplete(ar -> finish(seq, p, ar));
    }

    private void finish(long seq, Promise<Void> p, AsyncResult<Void> ar) {
        long pause;
        boolean schedule = false;
        synchronized (this) {
            if (ar.succeeded()) {
                succeeded = Math.max(succeeded, seq);
            }
            long now = millis.getAsLong();
            pause = Math.min(MAX_PAUSE_MS, Math.max(0, now - inFlightSince));
            notBefore = now + pause;
            inFlight = null;
            inFlightSeq = 0;
            if (queued != null && !queuedScheduled) {
                queuedScheduled = true;
                schedule = true;
            }
        }
        p.handle(ar);
        if (schedule) {
            delay.run(pause, this::startQueued);
        }
    }

    /** Starts the refresh callers have queued for. */
    private void startQueued() {
        Promise<Void> next;
        long seq;
        synchronized (this) {
            queuedScheduled = false;
            if (inFlight != null) {
                return; // not expected (only this task starts a refresh while one is queued); finish() schedules it
            }
            next = queued;
            queued = null;
            if (next == null) {
                return;
            }
            seq = begin(next);
        }
        run(seq, next);
    }
}
