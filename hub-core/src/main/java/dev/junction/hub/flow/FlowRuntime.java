package dev.junction.hub.flow;

import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.sink.SourceRef;
import dev.junction.api.source.SourceRecord;
import dev.junction.hub.connection.MappingTablesService;
import dev.junction.hub.connection.MappingTablesService.Snapshot;
import dev.junction.hub.metrics.HubMetrics;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.Cursor;
import dev.junction.hub.store.NewRecord;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One running flow: ingests records (persisted before anything is acknowledged), and a pump that claims
 * due records under a lease, sends each through the map and sink stages on the event bus, and commits the
 * outcome. At most {@code concurrency} records are in flight, and the store's claim keeps records of one
 * entity in order.
 */
public final class FlowRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);
    /** Long enough to outlast rate-limit waits inside a sink; released at once on restart after a crash. */
    static final Duration LEASE = Duration.ofMinutes(15);
    private static final long IDLE_RECHECK_MS = 5_000;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final FlowConfig config;
    private final FlowBinding binding;
    private final String bindError;
    private final Vertx vertx;
    private final SyncStore store;
    private final MappingTablesService mappings;
    private final HubMetrics metrics;
    private final Clock clock;
    private final RetryPolicy retry;
    private final FlowTriggers triggers;
    private final OutageGate outage;
    private final RecordAttempts attempts;
    private Context context;
    private String deploymentId;
    private volatile boolean paused;
    private volatile boolean stopped;
    private int inFlight;
    private boolean claiming;
    private boolean wanted;
    private long wakeTimer = -1;

    FlowRuntime(FlowConfig config, FlowBinding binding, String bindError, Vertx vertx, SyncStore store,
                MappingTablesService mappings, HubMetrics metrics, Clock clock) {
        this.config = config;
        this.binding = binding;
        this.bindError = bindError;
        this.vertx = vertx;
        this.store = store;
        this.mappings = mappings;
        this.metrics = metrics;
        this.clock = clock;
        this.retry = new RetryPolicy(config.maxAttempts(), config.retryBase(), config.retryMax());
        this.outage = new OutageGate(config.outage().after(), config.outage().probe(), config.outage().probeMax());
        this.attempts = binding == null ? null
                : new RecordAttempts(config, binding, vertx, store, mappings, metrics, clock, retry, outage);
        this.triggers = new FlowTriggers(this, vertx, store, clock);
    }

    Future<Void> start() {
        if (binding == null) {
            LOG.error("Flow {} is not running: {}", config.id(), bindError);
            return Future.succeededFuture();
        }
        context = vertx.getOrCreateContext();
        int instances = Math.max(1, Math.min(config.concurrency(), 2 * Runtime.getRuntime().availableProcessors()));
        return store.isPaused(config.id())
                .compose(p -> {
                    paused = p;
                    return vertx.deployVerticle(() -> new StageVerticle(config, binding), new DeploymentOptions().setInstances(instances));
                })
                .map(id -> {
                    deploymentId = id;
                    context.runOnContext(v -> pump());
                    triggers.start();
                    LOG.info("Flow {} started: {} → {}{}", config.id(), config.source().label(), config.sink().label(),
                            paused ? " (paused)" : "");
                    return null;
                });
    }

    /**
     * Stops claiming, then waits (up to {@code STOP_GRACE}) for attempts in flight to commit their outcome,
     * so a clean stop leaves nothing for the next start to redo.
     */
    Future<Void> stop() {
        stopped = true;
        triggers.stop();
        if (context == null) {
            return Future.succeededFuture();
        }
        io.vertx.core.Promise<Void> drained = io.vertx.core.Promise.promise();
        long deadline = System.currentTimeMillis() + STOP_GRACE.toMillis();
        context.runOnContext(v -> {
            cancelWake();
            awaitDrained(drained, deadline);
        });
        return drained.future().compose(v -> deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId));
    }

    private void awaitDrained(io.vertx.core.Promise<Void> drained, long deadline) {
        if (inFlight == 0 || System.currentTimeMillis() > deadline) {
            if (inFlight > 0) {
                LOG.warn("Flow {}: stopping with {} records in flight; they return to the queue on the next start",
                        config.id(), inFlight);
            }
            drained.complete();
            return;
        }
        vertx.setTimer(20, t -> awaitDrained(drained, deadline));
    }

    public FlowConfig config() {
        return config;
    }

    public boolean running() {
        return binding != null && !stopped;
    }

    public String bindError() {
        return bindError;
    }

    public boolean paused() {
        return paused;
    }

    FlowBinding binding() {
        return binding;
    }

    FlowTriggers triggers() {
        return triggers;
    }

    public Future<Void> setPaused(boolean pause) {
        return store.setPaused(config.id(), pause).map(v -> {
            paused = pause;
            if (!pause) {
                signal();
            }
            return null;
        });
    }

    // ---- ingest ----

    /**
     * Persists new records (duplicates dropped by the store's unique key) and, in the same transaction, the
     * cursor if given; then wakes the pump. Completes only once the records are durable.
     */
    Future<IngestResult> ingest(List<SourceRecord> records, Cursor cursor) {
        return ingest(records, cursor, false);
    }

    /**
     * As {@link #ingest(List, Cursor)}; with {@code thin}, each record is stored by id alone and fetched from
     * the source when processed. Only for flows that sync each source record once: their dedupe key is the
     * source id, so a thin record and the same record read in full are one record, and a listed record
     * already stored costs nothing more than the insert the store refuses.
     */
    Future<IngestResult> ingest(List<SourceRecord> records, Cursor cursor, boolean thin) {
        if (thin && config.resyncOnChange()) {
            throw new IllegalStateException("flow '" + config.id() + "' syncs every change, so it cannot store records thin");
        }
        List<NewRecord> rows = new ArrayList<>(records.size());
        for (SourceRecord r : records) {
            String contentKey = config.resyncOnChange() ? RecordKeys.contentKey(r) : RecordKeys.ONCE;
            String payload = thin ? ThinPayload.of(r.id()) : r.payload().encode();
            String search = thin ? r.id() : RecordKeys.searchText(r);
            rows.add(new NewRecord(config.id(), config.source().connection(), config.source().stream(), r.id(), r.entityKey(),
                    contentKey, search, payload, r.modifiedAt()));
        }
        if (rows.isEmpty() && cursor == null) {
            return Future.succeededFuture(new IngestResult(List.of(), 0));
        }
        return store.ingest(rows, cursor == null ? null : config.id(), cursor).map(ids -> {
            metrics.increment("flow.ingested", "flow", config.id());
            if (!ids.isEmpty()) {
                signal();
            }
            return new IngestResult(ids, rows.size() - ids.size());
        });
    }

    /**
     * Stores webhook events by id alone, to be fetched when processed (see {@link #ingest(List, Cursor, boolean)}).
     * The webhook is then answered after one insert instead of after the remote calls a fetch costs, which
     * keeps senders that time out (and deactivate slow hooks) from re-sending.
     */
    Future<IngestResult> ingestThin(List<String> sourceIds) {
        Instant now = clock.instant();
        List<SourceRecord> listed = new ArrayList<>(sourceIds.size());
        for (String id : sourceIds) {
            listed.add(new SourceRecord(id, id, now, null, new JsonObject()));
        }
        return listed.isEmpty() ? Future.succeededFuture(new IngestResult(List.of(), 0)) : ingest(listed, null, true);
    }

    /** @param ids the new records' ids; {@code duplicates} were already stored in the same state */
    public record IngestResult(List<Long> ids, int duplicates) {
    }

    // ---- the pump ----

    /** Asks the pump to look for due work (after an ingest, a retry, a resume). Safe from any thread. */
    public void signal() {
        if (context != null && !stopped) {
            context.runOnContext(v -> pump());
        }
    }

    private void pump() {
        if (stopped || paused || binding == null) {
            return;
        }
        if (claiming) {
            wanted = true;
            return;
        }
        int free = outage.claimable(config.concurrency() - inFlight, clock.instant());
        if (free <= 0) {
            outage.nextProbe().ifPresent(at -> scheduleWake(Math.max(5, Duration.between(clock.instant(), at).toMillis())));
            return;
        }
        // At high concurrency every completion freed one slot and ran the claim query for one record; while
        // others are in flight, wait for an eighth of the slots (at concurrency 8 or less: every slot, as before).
        int batch = outage.closed() ? 1 : Math.max(1, config.concurrency() / 8);
        if (free < batch && inFlight > 0) {
            return;
        }
        claiming = true;
        wanted = false;
        cancelWake();
        store.claim(config.id(), free, clock.instant(), LEASE).onComplete(ar -> context.runOnContext(v -> {
            claiming = false;
            if (ar.failed()) {
                LOG.error("Flow {}: could not claim records: {}", config.id(), ar.cause().toString());
                scheduleWake(IDLE_RECHECK_MS);
                return;
            }
            List<SyncRecord> claimed = ar.result();
            for (SyncRecord r : claimed) {
                inFlight++;
                outage.claimed(r.id());
                process(r).onComplete(done -> context.runOnContext(x -> {
                    inFlight--;
                    outage.finished(r.id(), clock.instant());
                    pump();
                }));
            }
            if (wanted || claimed.size() == free) {
                pump();
            } else if (inFlight == 0 || claimed.isEmpty()) {
                scheduleNextDue();
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
        if (stopped) {
            return;
        }
        cancelWake();
        wakeTimer = vertx.setTimer(delayMs, t -> {
            wakeTimer = -1;
            pump();
        });
    }

    private void cancelWake() {
        if (wakeTimer >= 0) {
            vertx.cancelTimer(wakeTimer);
            wakeTimer = -1;
        }
    }

    /** The outage gate's state for the flow's status; null while the remote answers. */
    public JsonObject outage() {
        return outage.toJson();
    }

    private Future<Void> process(SyncRecord r) {
        return attempts.run(r);
    }
}
