package dev.junction.hub.flow;

import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.sink.SourceRef;
import dev.junction.hub.connection.MappingTablesService;
import dev.junction.hub.connection.MappingTablesService.Snapshot;
import dev.junction.hub.metrics.HubMetrics;
import dev.junction.hub.store.Completion;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt of one claimed record: its payload (fetched first when it was stored thin), the map stage, the
 * sink stage, and the outcome committed with the attempt, links and metrics — the outage gate deciding
 * whether a transient failure counts.
 */
final class RecordAttempts {
    private static final Logger LOG = LoggerFactory.getLogger(FlowRuntime.class);
    private static final io.vertx.core.eventbus.DeliveryOptions SINK_DELIVERY = new io.vertx.core.eventbus.DeliveryOptions()
            .setCodecName(LocalMessage.CODEC).setLocalOnly(true).setSendTimeout(FlowRuntime.LEASE.toMillis());

    private final FlowConfig config;
    private final FlowBinding binding;
    private final Vertx vertx;
    private final SyncStore store;
    private final MappingTablesService mappings;
    private final HubMetrics metrics;
    private final Clock clock;
    private final RetryPolicy retry;
    private final OutageGate outage;

    RecordAttempts(FlowConfig config, FlowBinding binding, Vertx vertx, SyncStore store, MappingTablesService mappings,
                   HubMetrics metrics, Clock clock, RetryPolicy retry, OutageGate outage) {
        this.config = config;
        this.binding = binding;
        this.vertx = vertx;
        this.store = store;
        this.mappings = mappings;
        this.metrics = metrics;
        this.clock = clock;
        this.retry = retry;
        this.outage = outage;
    }

    /** Runs one attempt; yields the status committed with its outcome, or null if the outcome could not be committed. */
    Future<SyncStatus> run(SyncRecord r) {
        Instant started = clock.instant();
        int attemptNo = r.attempts() + 1;
        Snapshot snapshot = mappings.current();
        String sinkConn = config.sink().connection();
        SourceRef ref = new SourceRef(config.source().connection(), config.source().stream(), r.sourceId());
        String idempotencyKey = config.source().connection() + ":" + r.sourceId();
        JsonObject[] hydrated = {null};
        return payload(r, hydrated)
                .compose(payload -> vertx.eventBus().<LocalMessage>request(StageVerticle.mapAddress(config.id()),
                        new LocalMessage(new StageVerticle.MapCall(payload, snapshot)), StageVerticle.LOCAL))
                .compose(reply -> unwrap(reply.body()))
                .compose(canonical -> store.findLink(config.entity(), config.source().connection(), r.sourceId(), sinkConn)
                        .compose(link -> sinkAttempt(r).map(attempt ->
                                new SinkRequest<>(canonical, ref, idempotencyKey, link, config.sink().options(), attempt))))
                .compose(request -> vertx.eventBus().<LocalMessage>request(StageVerticle.sinkAddress(config.id()),
                        new LocalMessage(request), SINK_DELIVERY))
                .compose(reply -> unwrap(reply.body()))
                .transform(ar -> {
                    Instant now = clock.instant();
                    Completion c = ar.succeeded()
                            ? Outcomes.success(config, r, attemptNo, started, now, snapshot.version(), (SinkResult) ar.result())
                            : failure(r, attemptNo, started, now, snapshot.version(), ar.cause());
                    if (ar.succeeded()) {
                        reopened(outage.success(), now);
                    }
                    if (hydrated[0] != null && keepsFetchedPayload(c)) {
                        c = c.withPayload(hydrated[0].encode());
                    }
                    record(c, r, now);
                    SyncStatus status = c.status();
                    return store.complete(c).map(v -> status);
                })
                .recover(err -> {
                    // The outcome could not be committed; the lease returns the record to the queue on restart,
                    // and the sink's look-before-create makes the repeat harmless.
                    LOG.error("Flow {}: could not record the outcome of record {}: {}", config.id(), r.id(), err.toString());
                    return Future.succeededFuture(null);
                });
    }

    /**
     * Whether a thin record keeps what was fetched for it. A record that will be tried again (PENDING) keeps it,
     * so the retry needs no new fetch, and so does a FAILED one, so a person sees what the sink refused. A
     * SYNCED or SKIPPED record is done: writing the fetched order back (encoding it and rewriting its payload
     * row, ≈ 7% of the hub's CPU per order in a capacity profile) would serve only the record view, which then
     * shows the thin marker; the source still holds the record, and an admin retry fetches it again.
     */
    static boolean keepsFetchedPayload(Completion c) {
        return c.status() == SyncStatus.PENDING || c.status() == SyncStatus.FAILED;
    }

    /** A failed attempt's outcome, spared from the retry count when the remote as a whole looks down. */
    private Completion failure(SyncRecord r, int attemptNo, Instant started, Instant now, String mappingVersion, Throwable error) {
        if (!Outcomes.isTransient(error)) {
            reopened(outage.success(), now); // the remote answered: it is up, whatever this record's problem
            return Outcomes.failure(r, attemptNo, started, now, mappingVersion, error, retry);
        }
        boolean wasClosed = outage.closed();
        if (!outage.transientFailure(r.id(), now, Outcomes.message(Outcomes.unwrap(error)))) {
            return Outcomes.failure(r, attemptNo, started, now, mappingVersion, error, retry);
        }
        if (!wasClosed) {
            LOG.warn("Flow {}: {} looks unavailable ({} transient failures in a row, last: {}); holding records back and"
                            + " probing until it answers", config.id(), config.sink().label(), config.outage().after(),
                    Outcomes.message(Outcomes.unwrap(error)));
        }
        return Outcomes.unavailable(r, attemptNo, started, now, mappingVersion, error, outage.deferUntil(now));
    }

    private void reopened(boolean reopened, Instant now) {
        if (reopened) {
            LOG.info("Flow {}: {} answers again; resuming at full speed ({} attempts were held back, not counted)",
                    config.id(), config.sink().label(), outage.deferredAttempts());
        }
    }

    /**
     * 1 when no attempt for this source record can have reached the sink before — this record's first
     * claim, and no other record of the same source id in this flow — so a sink may skip its
     * look-before-create search; otherwise the claim count (at least 2).
     */
    private Future<Integer> sinkAttempt(SyncRecord r) {
        if (r.claims() > 1) {
            return Future.succeededFuture(r.claims());
        }
        if (!config.resyncOnChange()) {
            return Future.succeededFuture(1);
        }
        return store.countBySource(config.id(), r.sourceId()).map(n -> n > 1 ? 2 : 1);
    }

    /**
     * The stored payload, or for a thin record the source's current state of it, which is also left in
     * {@code fetched[0]} (to be kept with the outcome). The stored JSON is parsed once.
     */
    private Future<JsonObject> payload(SyncRecord r, JsonObject[] fetched) {
        JsonObject stored = new JsonObject(r.payload());
        if (!ThinPayload.is(stored)) {
            return Future.succeededFuture(stored);
        }
        FlowBinding b = binding;
        return dev.junction.hub.plugin.PluginHost.withClassLoader(b.source().classLoader(),
                        () -> b.sourceHandler().fetch(r.sourceId(), config.source().options()))
                .compose(found -> found.isPresent() ? Future.succeededFuture(fetched[0] = found.get().payload())
                        : Future.failedFuture(new dev.junction.api.error.SkipException(config.source().label()
                        + " has no record '" + r.sourceId() + "' any more")));
    }

    private void record(Completion c, SyncRecord r, Instant now) {
        String outcome = c.attempt().outcome();
        metrics.increment("flow.attempts", "flow", config.id(), "outcome", outcome);
        metrics.record("flow.attempt", Duration.between(c.attempt().startedAt(), now), "flow", config.id());
        switch (c.status()) {
            case SYNCED -> metrics.record("flow.latency", Duration.between(r.createdAt(), now), "flow", config.id());
            case FAILED -> LOG.warn("Flow {}: record {} ({}) FAILED: {}", config.id(), r.id(), r.sourceId(), c.message());
            default -> { }
        }
    }

    private static Future<Object> unwrap(LocalMessage m) {
        Object body = m.body();
        return body instanceof Throwable t ? Future.failedFuture(t) : Future.succeededFuture(body);
    }
}
