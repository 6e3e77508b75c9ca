package dev.junction.plugin.brightpearl.client;

import dev.junction.api.service.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Sends a connection's Brightpearl writes so that, when several are waiting, they travel together in one
 * {@link MultiMessage} and spend one request of the 200-a-minute budget instead of up to ten.
 *
 * <p>Batching is natural, not timed: at most {@code maxInFlight} write requests are out at once; a write that
 * finds a free slot goes straight away, alone (no added latency when the hub is quiet), and writes that
 * arrive while every slot is busy queue and leave together when a slot frees. So batches form exactly when
 * there is pressure: under load, and whenever the rate limiter is holding requests back for budget.
 *
 * <p>With {@code lingerMs} above zero, a write that finds a free slot and no company waits up to that long
 * for others (or until ten are waiting) before leaving: batches then form at moderate rates too, where
 * requests come back before the next write arrives, for up to {@code lingerMs} more latency per write.
 * Writes that waited for a slot never linger.
 *
 * <p>If Brightpearl refuses a multi-message as a whole with a client error (say an account or gateway that
 * does not take them), the writes of that batch are sent one by one and batching pauses for
 * {@link #PAUSE_AFTER_REFUSAL}, so a misunderstanding of the envelope costs budget, never a record.
 */
public final class WriteBatcher {
    static final Duration PAUSE_AFTER_REFUSAL = Duration.ofMinutes(10);

    /** Sends one request the ordinary way and answers its {@code response} value (or fails as {@link Envelope} does). */
    @FunctionalInterface
    public interface Transport {
        Future<Object> call(HttpMethod method, String path, Object body);
    }

    /** Runs a task after a delay (a Vert.x timer in the connector; a manual clock in tests). */
    @FunctionalInterface
    public interface Scheduler {
        void after(long delayMs, Runnable task);
    }

    private record Pending(HttpMethod method, String path, Object body, Promise<Object> result) {
    }

    private final Transport transport;
    private final Envelope.AuthAdvice auth;
    private final int maxInFlight;
    private final Metrics metrics;
    private final Logger log;
    private final LongSupplier nanoTime;
    private final long lingerMs;
    private final Scheduler scheduler;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private int inFlight;
    private boolean lingering;
    private long pausedUntilNanos;
    private boolean paused;

    public WriteBatcher(Transport transport, Envelope.AuthAdvice auth, int maxInFlight, long lingerMs, Scheduler scheduler,
                        Metrics metrics, Logger log, LongSupplier nanoTime) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.transport = transport;
        this.auth = auth;
        this.maxInFlight = maxInFlight;
        this.metrics = metrics;
        this.log = log;
        this.nanoTime = nanoTime;
        this.lingerMs = Math.max(0, lingerMs);
        this.scheduler = scheduler;
    }

    public Future<Object> submit(HttpMethod method, String path, Object body) {
        Promise<Object> result = Promise.promise();
        List<List<Pending>> ready;
        boolean arm = false;
        synchronized (this) {
            queue.add(new Pending(method, path, body, result));
            if (lingerMs > 0 && queue.size() < MultiMessage.MAX_MESSAGES && inFlight < maxInFlight && batching()) {
                arm = !lingering; // wait for company; the first write of the wait arms the timer
                lingering = true;
                ready = List.of();
            } else {
                ready = takeReady();
            }
        }
        if (arm) {
            scheduler.after(lingerMs, this::lingerOver);
        }
        ready.forEach(this::send);
        return result.future();
    }

    private void lingerOver() {
        List<List<Pending>> ready;
        synchronized (this) {
            lingering = false;
            ready = takeReady();
        }
        ready.forEach(this::send);
    }

    /** Writes waiting for a slot (for tests and status). */
    public synchronized int waiting() {
        return queue.size();
    }

    private List<List<Pending>> takeReady() {
        List<List<Pending>> out = new ArrayList<>(1);
        boolean batching = batching();
        while (!queue.isEmpty() && (inFlight < maxInFlight || !batching)) {
            int n = batching ? Math.min(MultiMessage.MAX_MESSAGES, queue.size()) : 1;
            List<Pending> batch = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                batch.add(queue.poll());
            }
            inFlight++;
            out.add(batch);
        }
        return out;
    }

    private boolean batching() {
        if (paused && nanoTime.getAsLong() - pausedUntilNanos >= 0) {
            paused = false;
        }
        return !paused;
    }

    private void send(List<Pending> batch) {
        Future<?> done = batch.size() == 1 ? sendAlone(batch.get(0)) : sendTogether(batch);
        done.onComplete(ignored -> {
            List<List<Pending>> next;
            synchronized (this) {
                inFlight--;
                next = takeReady();
            }
            next.forEach(this::send);
        });
    }

    private Future<Object> sendAlone(Pending p) {
        Future<Object> f = transport.call(p.method(), p.path(), p.body());
        f.onComplete(p.result());
        return f;
    }

    private Future<Void> sendTogether(List<Pending> batch) {
        List<MultiMessage.Item> items = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            items.add(new MultiMessage.Item("m" + (i + 1), p.method(), p.path(), p.body()));
        }
        metrics.increment("brightpearl.multimessage.sent");
        return transport.call(HttpMethod.POST, MultiMessage.PATH, MultiMessage.body(items)).compose(response -> {
            MultiMessage.Answer answer = MultiMessage.read(response);
            for (int i = 0; i < batch.size(); i++) {
                settle(batch.get(i), items.get(i).label(), answer);
            }
            return Future.<Void>succeededFuture();
        }, failure -> {
            if (refusedAsAWhole(failure)) {
                pause(failure);
                List<Future<Object>> alone = batch.stream().map(this::sendAlone).toList();
                return Future.join(alone).<Void>mapEmpty().otherwiseEmpty();
            }
            batch.forEach(p -> p.result().tryFail(failure));
            return Future.<Void>succeededFuture();
        });
    }

    private void settle(Pending p, String label, MultiMessage.Answer answer) {
        MultiMessage.Reply reply = answer.processed().get(label);
        String what = p.method() + " " + BrightpearlClient.stripQuery(p.path()) + " (in a multi-message)";
        if (reply == null) {
            String why = answer.unprocessed().contains(label)
                    ? "Brightpearl did not run " + what + " because another message of the batch failed"
                    : "Brightpearl's multi-message answer did not mention " + what;
            p.result().tryFail(new BrightpearlRetryableException(why + "; it will be sent again", null, 0, List.of()));
            return;
        }
        try {
            p.result().tryComplete(Envelope.parse(reply.status(), reply.content(), what, auth, Optional.empty()));
        } catch (RuntimeException e) {
            p.result().tryFail(e);
        }
    }

    /** A 4xx for the envelope itself (not for authentication): Brightpearl did not run any of it. */
    private static boolean refusedAsAWhole(Throwable failure) {
        return failure instanceof BrightpearlPermanentException e && e.status() >= 400 && e.status() < 500
                && e.status() != 401 && e.status() != 403;
    }

    private void pause(Throwable failure) {
        synchronized (this) {
            paused = true;
            pausedUntilNanos = nanoTime.getAsLong() + PAUSE_AFTER_REFUSAL.toNanos();
        }
        metrics.increment("brightpearl.multimessage.refused");
        log.warn("Brightpearl refused a multi-message ({}); sending its writes one by one and not batching writes "
                + "for {} minutes", failure.getMessage(), PAUSE_AFTER_REFUSAL.toMinutes());
    }
}
