package dev.junction.hub.store.hsqldb;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Runs JDBC work off the event loop: a dedicated worker executor of {@code size} threads over exactly
 * {@code size} connections, so a worker thread never waits for a connection. Every unit of work is one
 * transaction; a serialization failure (HSQLDB MVCC write conflict) or a lost upsert race rolls back and
 * re-runs it, so units of work must be safe to re-run (they are: plain functions of their arguments).
 */
final class Jdbc {

    /** One unit of JDBC work inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int MAX_RETRIES = 5;

    private final WorkerExecutor executor;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;
    private final AtomicBoolean closed = new AtomicBoolean();
    /* Shared by every transaction, taken whole by an exclusive one. */
    private final ReentrantReadWriteLock quiesce = new ReentrantReadWriteLock();
    private final ThreadLocal<List<Runnable>> afterCommit = ThreadLocal.withInitial(ArrayList::new);

    private Jdbc(WorkerExecutor executor, List<Connection> connections) {
        this.executor = executor;
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(connections.size(), false, connections);
    }

    /** Opens {@code size} connections to {@code url}. Blocking: call it on a worker thread. */
    static Jdbc open(Vertx vertx, String executorName, String url, int size) throws SQLException {
        List<Connection> connections = new ArrayList<>(size);
        try {
            for (int i = 0; i < size; i++) {
                Connection c = DriverManager.getConnection(url, "SA", "");
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connections.add(CachedStatements.wrap(c));
            }
        } catch (SQLException e) {
            for (Connection c : connections) {
                closeQuietly(c);
            }
            throw e;
        }
        WorkerExecutor executor = vertx.createSharedWorkerExecutor(executorName, size);
        return new Jdbc(executor, connections);
    }

    /** Runs {@code work} as one transaction on the store's worker executor. */
    <T> Future<T> tx(Work<T> work) {
        if (closed.get()) {
            return Future.failedFuture(new IllegalStateException("the store is closed"));
        }
        return executor.executeBlocking(() -> inTransaction(work), false);
    }

    /** Runs blocking code (that may call {@link #inTransaction}) on the store's worker executor. */
    <T> Future<T> blocking(java.util.concurrent.Callable<T> code) {
        if (closed.get()) {
            return Future.failedFuture(new IllegalStateException("the store is closed"));
        }
        return executor.executeBlocking(code, false);
    }

    /**
     * Runs {@code work} as one transaction on the calling (worker) thread. Actions it registered with
     * {@link #afterCommit} run once it has committed, before another transaction can begin
     * {@link #exclusively}.
     */
    <T> T inTransaction(Work<T> work) throws SQLException, InterruptedException {
        // the lock before the connection: a transaction waiting for an exclusive one holds no connection
        quiesce.readLock().lockInterruptibly();
        try {
            return run(work);
        } finally {
            quiesce.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} as one transaction while no other transaction runs: what it reads is every commit so far,
     * and every later commit's {@link #afterCommit} actions run after it returns. For rare work that builds
     * in-memory state the after-commit actions then keep up to date (the status counts).
     */
    <T> T exclusively(Work<T> work) throws SQLException, InterruptedException {
        quiesce.writeLock().lockInterruptibly();
        try {
            return run(work);
        } finally {
            quiesce.writeLock().unlock();
        }
    }

    /** Registers an action to run once the calling thread's current transaction commits (dropped on rollback). */
    void afterCommit(Runnable action) {
        afterCommit.get().add(action);
    }

    private <T> T run(Work<T> work) throws SQLException, InterruptedException {
        Connection c = idle.take();
        List<Runnable> actions = afterCommit.get();
        try {
            for (int attempt = 1; ; attempt++) {
                actions.clear();
                try {
                    T result = work.run(c);
                    c.commit();
                    runAll(actions); // committed: from here on nothing may report a failure
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    // A unique violation here comes from an upsert (MERGE) that raced another one inserting
                    // the same key; run again, it finds the row and updates it. (Ingest handles its own.)
                    if (e instanceof SQLException sql && (isSerializationFailure(sql) || isUniqueViolation(sql))
                            && attempt < MAX_RETRIES) {
                        continue;
                    }
                    throw e;
                }
            }
        } finally {
            actions.clear();
            idle.add(c);
        }
    }

    /**
     * Shuts the database down (a clean checkpoint for a file database; drops an in-memory one) and closes
     * the connections and the executor. Work already queued finishes first.
     */
    Future<Void> close() {
        if (!closed.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        return executor.executeBlocking(() -> {
            shutdown();
            return (Void) null;
        }, false).eventually(executor::close);
    }

    /**
     * Closes at once on the calling thread: for a failed open, so that the database is fully closed (and
     * its file lock released) before the failure is reported.
     */
    void closeNow() throws SQLException, InterruptedException {
        closed.set(true);
        try {
            shutdown();
        } finally {
            executor.close();
        }
    }

    /* Waits for every connection to come back, so no transaction is cut short, then shuts down. */
    private void shutdown() throws SQLException, InterruptedException {
        List<Connection> back = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            back.add(idle.take());
        }
        try (var s = back.get(0).createStatement()) {
            s.execute("SHUTDOWN");
        } finally {
            back.forEach(Jdbc::closeQuietly);
        }
    }

    private static void runAll(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Jdbc.class).error("an after-commit action failed", e);
            }
        }
    }

    static boolean isSerializationFailure(SQLException e) {
        return "40001".equals(e.getSQLState());
    }

    static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next use reports it
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
