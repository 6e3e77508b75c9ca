package dev.junction.plugin.brightpearl.support;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.function.Supplier;

/**
 * Runs a refresh (one Brightpearl search, or a few pages) at most once at a time and lets every caller that
 * needs one share it, so a burst of lookups costs one call instead of one each.
 *
 * <p>A caller that needs "a refresh that began after I started" takes a {@link #ticket()} when it starts and
 * then waits on {@link #after(long)}: answered at once if such a refresh has already succeeded, by the one in
 * flight if that began after the ticket, else by the next one. The next one starts as soon as the one in
 * flight ends and serves every caller queued meanwhile, so there is never more than one refresh running and
 * one waiting.
 */
public final class Refresher {
    private final Supplier<Future<Void>> action;

    // guarded by this
    private long started;
    private long succeeded;
    private long inFlightSeq;
    private Promise<Void> inFlight;
    private Promise<Void> queued;

    public Refresher(Supplier<Future<Void>> action) {
        this.action = action;
    }

    /** What a caller starting now must see a refresh begin after. */
    public synchronized long ticket() {
        return started;
    }

    /** Completes once a refresh that began after {@code ticket} has succeeded (or fails with the one that ran). */
    public Future<Void> after(long ticket) {
        Promise<Void> launch;
        long seq;
        synchronized (this) {
            if (succeeded > ticket) {
                return Future.succeededFuture();
            }
            if (inFlight != null) {
                if (inFlightSeq > ticket) {
                    return inFlight.future();
                }
                if (queued == null) {
                    queued = Promise.promise();
                }
                return queued.future();
            }
            launch = Promise.promise();
            seq = begin(launch);
        }
        run(seq, launch);
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
        Promise<Void> next;
        long nextSeq = 0;
        synchronized (this) {
            if (ar.succeeded()) {
                succeeded = Math.max(succeeded, seq);
            }
            inFlight = null;
            inFlightSeq = 0;
            next = queued;
            queued = null;
            if (next != null) {
                nextSeq = begin(next);
            }
        }
        p.handle(ar);
        if (next != null) {
            run(nextSeq, next);
        }
    }
}
