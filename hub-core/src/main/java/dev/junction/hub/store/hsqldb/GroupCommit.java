package dev.junction.hub.store.hsqldb;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit: units of work of one kind (completions, ingests) that arrive while a transaction of that kind
 * is being written are written together in the next one. One writer per kind runs at a time; while it writes,
 * new units queue, and it then takes up to {@code maxGroup} of them into one transaction. Under load that is
 * one commit (one log sync) and one worker hand-off for many units; alone, a unit waits for nothing and is
 * written at once, as before.
 *
 * <p>Each unit's future completes only after the transaction holding it has committed, so nothing is reported
 * done before it is durable. If a group fails, it is rolled back whole and each unit is written again in a
 * transaction of its own, so one unit's failure (a stale completion, a constraint) fails only that unit.
 * Units must therefore be safe to run again after a rollback, as every {@link Jdbc} unit of work is.
 */
final class GroupCommit<I, R> {

    /** Writes one unit in the caller's transaction. */
    @FunctionalInterface
    interface Unit<I, R> {
        R write(Connection connection, I item) throws SQLException;
    }

    private record Queued<I, R>(I item, Promise<R> promise, Context context) {
    }

    private final Jdbc jdbc;
    private final Unit<I, R> unit;
    private final int maxGroup;
    private final ArrayDeque<Queued<I, R>> queue = new ArrayDeque<>();
    private boolean writing; // guarded by this
    private volatile int largestGroup;

    GroupCommit(Jdbc jdbc, int maxGroup, Unit<I, R> unit) {
        this.jdbc = jdbc;
        this.maxGroup = maxGroup;
        this.unit = unit;
    }

    /** Queues {@code item}; the future completes (on the caller's context) once its transaction has committed. */
    Future<R> submit(I item) {
        Promise<R> promise = Promise.promise();
        boolean startWriter;
        synchronized (this) {
            queue.add(new Queued<>(item, promise, Vertx.currentContext()));
            startWriter = !writing;
            writing = true;
        }
        if (startWriter) {
            jdbc.blocking(this::drain).onFailure(this::failAll); // the store was closed: nothing can be written
        }
        return promise.future();
    }

    /** The most units one transaction has held so far (for tests and diagnostics). */
    int largestGroup() {
        return largestGroup;
    }

    /* The writer: runs on a store worker until the queue is empty. */
    private Void drain() {
        while (true) {
            List<Queued<I, R>> group = new ArrayList<>();
            synchronized (this) {
                while (group.size() < maxGroup && !queue.isEmpty()) {
                    group.add(queue.poll());
                }
                if (group.isEmpty()) {
                    writing = false;
                    return null;
                }
            }
            largestGroup = Math.max(largestGroup, group.size());
            try {
                write(group);
            } catch (Throwable unexpected) {
                // write() settles every unit; this only keeps the writer alive if settling itself threw
                group.forEach(q -> settle(q, null, unexpected));
            }
        }
    }

    private void write(List<Queued<I, R>> group) {
        List<R> results;
        try {
            results = jdbc.inTransaction(c -> {
                List<R> out = new ArrayList<>(group.size());
                for (Queued<I, R> q : group) {
                    out.add(unit.write(c, q.item()));
                }
                return out;
            });
        } catch (Exception groupFailed) {
            if (group.size() == 1) {
                settle(group.get(0), null, groupFailed);
                return;
            }
            // rolled back whole: write each alone, so only the unit at fault fails
            for (Queued<I, R> q : group) {
                try {
                    settle(q, jdbc.inTransaction(c -> unit.write(c, q.item())), null);
                } catch (Exception alone) {
                    settle(q, null, alone);
                }
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            settle(group.get(i), results.get(i), null);
        }
    }

    private void settle(Queued<I, R> q, R result, Throwable failure) {
        Runnable done = failure == null ? () -> q.promise().tryComplete(result) : () -> q.promise().tryFail(failure);
        if (q.context() != null) {
            q.context().runOnContext(v -> done.run());
        } else {
            done.run();
        }
    }

    private void failAll(Throwable cause) {
        List<Queued<I, R>> left;
        synchronized (this) {
            left = new ArrayList<>(queue);
            queue.clear();
            writing = false;
        }
        left.forEach(q -> settle(q, null, cause));
    }
}
