package dev.junction.hub.store.hsqldb;

import dev.junction.api.service.IdLink;
import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.store.Attempt;
import dev.junction.hub.store.Claimed;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.Cursor;
import dev.junction.hub.store.Ingested;
import dev.junction.hub.store.MappingTable;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.RecordQuery;
import dev.junction.hub.store.StoredConnection;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store on embedded HSQLDB: MVCC transactions, CACHED tables, plain JDBC on a dedicated worker executor.
 *
 * <p>Durability: the file database runs with {@code hsqldb.write_delay=false}, so HSQLDB syncs its log to
 * disk at every commit. A webhook is acknowledged once its ingest commits, so a commit must survive a
 * crash or power cut, not only a clean shutdown; the price (one fsync per transaction, about 2 ms on a
 * virtual disk) is paid per ingest batch, not per record, and the engine batches. Close performs
 * {@code SHUTDOWN}, which checkpoints.
 *
 * <p>Cache: 16 MB / 20,000 rows (50,000, HSQLDB's default, until the fourteenth session). A second session raised
 * it to 64 MB / 200,000 rows for bulk ingest; in a 512 MB heap that cache became most of what the collector copies
 * and marks once a hub had synced some 60,000 orders: at 500 orders/s the hub's collector time went from 0.11-0.17
 * to 0.17-0.24 ms per order and its 100,000-order backlog drained at 853/s. At 16 MB the backlog drains at 964/s,
 * peak heap 436 MB: the rows that matter (the queue's index and its recent records) stay cached, and the file is
 * mapped, so a miss is a copy from the page cache, not a disk read. Then 20,000 rows: a checkpoint writes out every
 * changed row the cache holds, so fewer rows made each one stop the sessions for 47-80 ms instead of 64-97, and at
 * 764 orders/s the orders over 50 ms fell from 442 and 729 to 160 and 299 in two pairs of 100,000-order runs (p99
 * 31, 42 -> 24, 30 ms); the backlog drained at 1,225.6/s.
 *
 * <p>Log: a checkpoint every 20 MB (100 MB until the thirteenth session). A checkpoint stops every session while
 * HSQLDB writes out the cache's changed rows (~45 ms) and deletes the old log, which for 100 MB took ~50 ms more
 * (unlinking a file drops its pages from the page cache); at 764 orders/s, on two busy cores, the orders caught
 * behind one 100 MB checkpoint (one every ~105 s) were 160-300 late by over 50 ms, up to 130-340 ms. At 20 MB (one
 * every ~21 s) each leaves 26-105 such orders, up to 80-180 ms, so no single pause dominates a run's p99; throughput
 * (1,502.7/s) and the 100,000-order backlog (1,091.8/s, peak heap 400 MB) did not suffer, and a crash restart
 * replays at most 20 MB instead of 100 (162 MB took 20.5 s).
 */
public final class HsqldbSyncStore implements SyncStore {

    /**
     * Worker threads and JDBC connections: two, so an ingest and a completion can overlap. Four (until the twelfth
     * session) contended on HSQLDB's own locks (its file-space allocator, its log): on 2 cores a lock holder was
     * often descheduled while others waited, 10-30 ms at a time. With two, same host and hour: CPU per order at
     * 788 orders/s 1.23-1.30 -> 1.16-1.21 ms (store threads 0.41-0.46 -> 0.37), at full speed 0.72-0.74 -> 0.67 ms.
     */
    public static final int DEFAULT_POOL_SIZE = 2;
    /** Most completions (or ingest calls) in one group commit: bounds a transaction's size and lock count. */
    static final int MAX_GROUP = 128;

    private static final String FILE_SETTINGS = ";shutdown=true;hsqldb.tx=mvcc;hsqldb.default_table_type=cached"
            + ";hsqldb.write_delay=false;hsqldb.cache_size=" + StoreOpening.CACHE_KB
            + ";hsqldb.cache_rows=" + StoreOpening.CACHE_ROWS + ";hsqldb.log_size=" + StoreOpening.LOG_MB;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Jdbc jdbc;
    private final Clock clock;
    private final RecordReader reader = new RecordReader();
    private final StatusCounts statusCounts;
    private final IngestDao ingest;
    final LinkDao links = new LinkDao(); // package-private: tests look at which keys it knows
    private final QueueDao queue;
    private final MappingTableDao mappings = new MappingTableDao();
    private final ConnectionDao connections;
    /** Claims of one flow run one at a time (commit included), so concurrent claimers split the queue. */
    private final Map<String, Object> claimLocks = new ConcurrentHashMap<>();
    /* Completions and ingests (one per webhook) arriving together share a transaction: one log sync for many. */
    private final GroupCommit<Completion, Void> completions;
    private final GroupCommit<IngestCall, Ingested> ingests;

    /** {@code leaseUntil} is null when the call claims nothing. */
    private record IngestCall(List<NewRecord> records, String cursorFlowId, Cursor cursor, int claimLimit,
                              Instant leaseUntil) {
    }

    private HsqldbSyncStore(Jdbc jdbc, SecretCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.connections = new ConnectionDao(cipher);
        this.statusCounts = new StatusCounts(jdbc);
        this.ingest = new IngestDao(statusCounts);
        this.queue = new QueueDao(links, statusCounts);
        this.completions = new GroupCommit<>(jdbc, MAX_GROUP, (c, done) -> {
            queue.complete(c, done, now());
            return null;
        });
        this.ingests = new GroupCommit<>(jdbc, MAX_GROUP, (c, call) -> {
            IngestDao.Inserted inserted = ingest.ingest(c, call.records(), call.cursorFlowId(), call.cursor(), now(),
                    call.claimLimit(), call.leaseUntil());
            return new Ingested(inserted.ids(), inserted.claimed().isEmpty() ? List.of() : reader.records(c, inserted.claimed()));
        });
    }

    /** Opens (creating or migrating as needed) the file database {@code dataDir/junction}. */
    public static Future<HsqldbSyncStore> open(Vertx vertx, Path dataDir, SecretCipher cipher) {
        String url = "jdbc:hsqldb:file:" + dataDir.toAbsolutePath().resolve("junction") + FILE_SETTINGS;
        return open(vertx, url, cipher, Clock.systemUTC(), DEFAULT_POOL_SIZE);
    }

    /** An in-memory database (tests, dry runs): gone when closed. Use a distinct name per store. */
    public static Future<HsqldbSyncStore> openInMemory(Vertx vertx, String name, SecretCipher cipher) {
        return openInMemory(vertx, name, cipher, Clock.systemUTC());
    }

    public static Future<HsqldbSyncStore> openInMemory(Vertx vertx, String name, SecretCipher cipher, Clock clock) {
        return open(vertx, "jdbc:hsqldb:mem:" + name + ";shutdown=true;hsqldb.tx=mvcc", cipher, clock, DEFAULT_POOL_SIZE);
    }

    /** Opens any HSQLDB URL; {@code clock} stamps created/updated times (tests pass a fixed one). */
    public static Future<HsqldbSyncStore> open(Vertx vertx, String url, SecretCipher cipher, Clock clock,
                                               int poolSize) {
        String executorName = "junction-store-" + INSTANCES.incrementAndGet();
        return vertx.executeBlocking(() -> {
            Jdbc jdbc = StoreOpening.open(vertx, executorName, url, poolSize, cipher);
            HsqldbSyncStore store = new HsqldbSyncStore(jdbc, cipher, clock);
            store.links.loadKeys(jdbc, StoreOpening.describe(url));
            return store;
        }, false);
    }

    private Instant now() {
        return clock.instant();
    }

    // ---- ingest and cursors ----

    @Override
    public Future<Ingested> ingest(List<NewRecord> records, String cursorFlowId, Cursor cursor, int claimLimit,
                                   Instant now, Duration lease) {
        boolean claims = claimLimit > 0 && now != null && lease != null;
        return ingests.submit(new IngestCall(List.copyOf(records), cursorFlowId, cursor, claims ? claimLimit : 0,
                claims ? now.plus(lease) : null));
    }

    @Override
    public Future<Optional<Cursor>> cursor(String flowId) {
        return jdbc.tx(c -> ingest.cursor(c, flowId));
    }

    // ---- work queue ----

    @Override
    public Future<Claimed> claimNext(String flowId, int limit, Instant now, Duration lease) {
        if (limit <= 0) {
            return Future.succeededFuture(new Claimed(List.of(), false));
        }
        Object lock = claimLocks.computeIfAbsent(flowId, f -> new Object());
        return jdbc.blocking(() -> {
            synchronized (lock) {
                return jdbc.inTransaction(c -> {
                    List<Long> ids = queue.claim(c, flowId, limit, now, now.plus(lease));
                    boolean empty = ids.size() < limit && !queue.anyPending(c, flowId);
                    return new Claimed(reader.records(c, ids), empty);
                });
            }
        });
    }

    @Override
    public Future<Void> complete(Completion completion) {
        return completions.submit(completion);
    }

    @Override
    public Future<Integer> releaseExpiredLeases(Instant now) {
        return jdbc.tx(c -> queue.releaseExpired(c, now, now()));
    }

    @Override
    public Future<Optional<Instant>> nextDue(String flowId) {
        return jdbc.tx(c -> queue.nextDue(c, flowId));
    }

    @Override
    public Future<Boolean> retry(long recordId, Instant now) {
        return jdbc.tx(c -> queue.retry(c, recordId, now));
    }

    // ---- reading records ----

    @Override
    public Future<Optional<SyncRecord>> record(long id) {
        return jdbc.tx(c -> reader.record(c, id));
    }

    @Override
    public Future<List<SyncRecord>> records(RecordQuery query) {
        return jdbc.tx(c -> reader.records(c, query));
    }

    @Override
    public Future<Long> count(RecordQuery query) {
        return jdbc.tx(c -> reader.count(c, query));
    }

    @Override
    public Future<List<Attempt>> attempts(long recordId) {
        return jdbc.tx(c -> reader.attempts(c, recordId));
    }

    @Override
    public Future<Map<SyncStatus, Long>> statusCounts(String flowId) {
        Map<SyncStatus, Long> counted = statusCounts.ifCounted(flowId);
        return counted != null ? Future.succeededFuture(counted) : jdbc.blocking(() -> statusCounts.of(flowId));
    }

    @Override
    public Future<List<SyncRecord>> recordsBySource(String flowId, String sourceId) {
        return jdbc.tx(c -> reader.bySource(c, flowId, sourceId));
    }

    @Override
    public Future<Long> countBySource(String flowId, String sourceId) {
        return jdbc.tx(c -> reader.countBySource(c, flowId, sourceId));
    }

    // ---- links ----

    @Override
    public Future<Optional<String>> findLink(String entity, String fromConnection, String id, String toConnection) {
        return links.mayExist(entity, fromConnection, id, toConnection)
                ? jdbc.tx(c -> links.find(c, entity, fromConnection, id, toConnection)) : Future.succeededFuture(Optional.empty());
    }

    @Override
    public Future<Void> putLink(IdLink link) {
        return jdbc.tx(c -> {
            links.put(c, link, now());
            return null;
        });
    }

    // ---- mapping tables ----

    @Override
    public Future<Optional<MappingTable>> mappingTable(String name) {
        return jdbc.tx(c -> mappings.get(c, name));
    }

    @Override
    public Future<List<MappingTable>> mappingTables() {
        return jdbc.tx(mappings::all);
    }

    @Override
    public Future<Void> putMappingTable(MappingTable table) {
        return jdbc.tx(c -> {
            mappings.put(c, table, now());
            return null;
        });
    }

    // ---- connections ----

    @Override
    public Future<List<StoredConnection>> connections() {
        return jdbc.tx(connections::all);
    }

    @Override
    public Future<Optional<StoredConnection>> connection(String id) {
        return jdbc.tx(c -> connections.get(c, id));
    }

    @Override
    public Future<Void> putConnection(StoredConnection connection) {
        return jdbc.tx(c -> {
            connections.put(c, connection, now());
            return null;
        });
    }

    @Override
    public Future<Boolean> deleteConnection(String id) {
        stateCache.keySet().removeIf(k -> k.startsWith(id + STATE_KEY_SEP));
        return jdbc.tx(c -> connections.delete(c, id)).onComplete(ar ->
                stateCache.keySet().removeIf(k -> k.startsWith(id + STATE_KEY_SEP)));
    }

    /*
     * Connection state is written only through this store (one process per store), so reads are served from
     * memory after the first: a webhook's signing secret was otherwise read and decrypted on every delivery.
     * A write drops the entry first and sets it once committed, so no reader sees a value older than the
     * last committed write for longer than the write takes.
     */
    private static final String STATE_KEY_SEP = "\u0000";
    private final Map<String, Optional<String>> stateCache = new ConcurrentHashMap<>();

    @Override
    public Future<Optional<String>> connectionState(String connectionId, String key) {
        String k = connectionId + STATE_KEY_SEP + key;
        Optional<String> cached = stateCache.get(k);
        if (cached != null) {
            return Future.succeededFuture(cached);
        }
        return jdbc.tx(c -> connections.state(c, connectionId, key)).onSuccess(v -> stateCache.putIfAbsent(k, v));
    }

    @Override
    public Future<Void> putConnectionState(String connectionId, String key, String value) {
        String k = connectionId + STATE_KEY_SEP + key;
        stateCache.remove(k);
        return jdbc.<Void>tx(c -> {
            connections.putState(c, connectionId, key, value, now());
            return null;
        }).onComplete(ar -> {
            if (ar.succeeded()) {
                stateCache.put(k, Optional.ofNullable(value));
            } else {
                stateCache.remove(k);
            }
        });
    }

    @Override
    public Future<Void> removeConnectionState(String connectionId, String key) {
        String k = connectionId + STATE_KEY_SEP + key;
        stateCache.remove(k);
        return jdbc.<Void>tx(c -> {
            connections.removeState(c, connectionId, key);
            return null;
        }).onComplete(ar -> stateCache.remove(k));
    }

    // ---- flow control ----

    @Override
    public Future<Boolean> isPaused(String flowId) {
        return jdbc.tx(c -> connections.isPaused(c, flowId));
    }

    @Override
    public Future<Void> setPaused(String flowId, boolean paused) {
        return jdbc.tx(c -> {
            connections.setPaused(c, flowId, paused, now());
            return null;
        });
    }

    @Override
    public Future<Void> close() {
        return jdbc.close();
    }
}
