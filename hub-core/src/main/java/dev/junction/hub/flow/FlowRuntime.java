package dev.junction.hub.flow;

import dev.junction.api.source.SourceRecord;
import dev.junction.hub.connection.MappingTablesService;
import dev.junction.hub.metrics.HubMetrics;
import dev.junction.hub.store.Cursor;
import dev.junction.hub.store.NewRecord;
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
    private final FlowPump pump;
    private Context context;
    private String deploymentId;
    private volatile boolean paused;
    private volatile boolean stopped;

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
        this.pump = new FlowPump(config, vertx, store, clock, outage, r -> attempts.run(r),
                () -> paused || stopped || binding == null);
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
                    pump.start(context);
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
        return pump.drained(System.currentTimeMillis() + STOP_GRACE.toMillis())
                .compose(v -> deploymentId == null ? Future.succeededFuture() : vertx.undeploy(deploymentId));
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
        return pump.ingest(rows, cursor == null ? null : config.id(), cursor).map(ids -> {
            metrics.increment("flow.ingested", "flow", config.id());
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
        if (!stopped) {
            pump.signal();
        }
    }

    /** The outage gate's state for the flow's status; null while the remote answers. */
    public JsonObject outage() {
        return outage.toJson();
    }

}
