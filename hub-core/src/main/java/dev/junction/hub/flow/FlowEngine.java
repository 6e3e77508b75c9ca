package dev.junction.hub.flow;

import dev.junction.api.source.SourceRecord;
import dev.junction.api.webhook.WebhookEvent;
import dev.junction.hub.connection.ConnectionRegistry;
import dev.junction.hub.connection.MappingTablesService;
import dev.junction.hub.metrics.HubMetrics;
import dev.junction.hub.plugin.PluginHost;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.store.SyncStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All flows of the hub: binds them to running connections, starts them, and routes webhooks and admin commands. */
public final class FlowEngine {
    private final Vertx vertx;
    private final SyncStore store;
    private final MappingTablesService mappings;
    private final HubMetrics metrics;
    private final Clock clock;
    private final ConnectionRegistry connections;
    private final Map<String, FlowRuntime> flows = new LinkedHashMap<>();

    public FlowEngine(Vertx vertx, SyncStore store, MappingTablesService mappings, HubMetrics metrics, Clock clock,
                      ConnectionRegistry connections) {
        this.vertx = vertx;
        this.store = store;
        this.mappings = mappings;
        this.metrics = metrics;
        this.clock = clock;
        this.connections = connections;
        LocalMessage.registerCodec(vertx);
    }

    /** Binds and starts each flow; a flow that cannot bind is kept, not running, with its reason. */
    public Future<Void> start(List<FlowConfig> configs) {
        List<Future<Void>> started = new ArrayList<>();
        for (FlowConfig c : configs) {
            started.add(startFlow(c));
        }
        return Future.all(started).mapEmpty();
    }

    private Future<Void> startFlow(FlowConfig c) {
        FlowBinding binding = null;
        String error = null;
        try {
            binding = FlowBinding.resolve(c, connections.all());
        } catch (IllegalStateException e) {
            error = e.getMessage();
        }
        FlowRuntime rt = new FlowRuntime(c, binding, error, vertx, store, mappings, metrics, clock);
        flows.put(c.id(), rt);
        return rt.start();
    }

    /**
     * Restarts the flows that read from or write to a connection, so they bind to its current handlers
     * (after its settings changed). Records waiting in those flows stay queued and are picked up again.
     *
     * @return the ids of the flows restarted
     */
    public Future<List<String>> rebindConnection(String connectionId) {
        List<Future<Void>> work = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (FlowRuntime f : List.copyOf(flows.values())) {
            FlowConfig c = f.config();
            if (c.source().connection().equals(connectionId) || c.sink().connection().equals(connectionId)) {
                ids.add(c.id());
                work.add(f.stop().compose(v -> startFlow(c)));
            }
        }
        return Future.all(work).map(v -> ids);
    }

    public Future<Void> stop() {
        return Future.all(flows.values().stream().map(FlowRuntime::stop).toList()).mapEmpty();
    }

    public Optional<FlowRuntime> flow(String id) {
        return Optional.ofNullable(flows.get(id));
    }

    public Collection<FlowRuntime> flows() {
        return List.copyOf(flows.values());
    }

    /** Wakes a flow's pump (after an admin retry). */
    public void signal(String flowId) {
        flow(flowId).ifPresent(FlowRuntime::signal);
    }

    /** Runs a poll now; fails if the flow is unknown or not running. */
    public Future<JsonObject> runNow(String flowId) {
        FlowRuntime f = runningFlow(flowId);
        return f.triggers().poll().map(FlowTriggers.RunSummary::toJson);
    }

    public Future<FlowRuntime.IngestResult> importOne(String flowId, String sourceId) {
        return runningFlow(flowId).triggers().importOne(sourceId);
    }

    public Future<JsonObject> reconcile(String flowId, java.time.Duration window) {
        return runningFlow(flowId).triggers().reconcile(window).map(FlowTriggers.RunSummary::toJson);
    }

    private FlowRuntime runningFlow(String flowId) {
        FlowRuntime f = flows.get(flowId);
        if (f == null) {
            throw new java.util.NoSuchElementException("no flow '" + flowId + "'; flows: " + flows.keySet());
        }
        if (!f.running()) {
            throw new IllegalStateException("flow '" + flowId + "' is not running: " + f.bindError());
        }
        return f;
    }

    /**
     * Persists the records a connection's webhook told about into every flow reading that stream with
     * webhooks enabled, fetching thin events through the flow's source first. The returned future
     * completes only when every record is durable, so the webhook may then be acknowledged.
     *
     * @return how many records were new across flows
     */
    public Future<Integer> ingestWebhook(String connectionId, List<WebhookEvent> events) {
        List<Future<Integer>> work = new ArrayList<>();
        for (FlowRuntime f : flows.values()) {
            FlowConfig c = f.config();
            if (!f.running() || !c.triggers().webhook() || !c.source().connection().equals(connectionId)) {
                continue;
            }
            List<WebhookEvent> mine = events.stream().filter(e -> e.stream().equals(c.source().stream())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            if (!c.resyncOnChange()) {
                // synced once per source id: store thin events by id (fetched when processed) and full ones as
                // they are; either way the webhook is answered after one insert, and an id already stored is
                // a duplicate without any remote call
                List<String> thin = mine.stream().filter(e -> e.record().isEmpty()).map(WebhookEvent::sourceId).toList();
                List<SourceRecord> full = mine.stream().flatMap(e -> e.record().stream()).toList();
                work.add(f.ingestThin(thin).compose(a -> f.ingest(full, null)
                        .map(b -> a.ids().size() + b.ids().size())));
                continue;
            }
            List<Future<Optional<SourceRecord>>> records = new ArrayList<>();
            for (WebhookEvent e : mine) {
                if (e.record().isPresent()) {
                    records.add(Future.succeededFuture(e.record()));
                } else {
                    FlowBinding b = f.binding();
                    records.add(fetchForWebhook(b, c, e));
                }
            }
            work.add(Future.all(records).compose(all -> {
                List<SourceRecord> found = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    Optional<SourceRecord> r = all.resultAt(i);
                    r.ifPresent(found::add);
                }
                return f.ingest(found, null).map(res -> res.ids().size());
            }));
        }
        return Future.all(work).map(all -> {
            int n = 0;
            for (int i = 0; i < all.size(); i++) {
                n += all.<Integer>resultAt(i);
            }
            return n;
        });
    }

    /**
     * Fetches a thin webhook's record. One the flow's filters exclude (SkipException) is not for this flow:
     * it is acknowledged, or the remote would re-send it forever.
     */
    private static Future<Optional<SourceRecord>> fetchForWebhook(FlowBinding b, FlowConfig c, WebhookEvent e) {
        return PluginHost.withClassLoader(b.source().classLoader(),
                        () -> b.sourceHandler().fetch(e.sourceId(), c.source().options()))
                .recover(err -> err instanceof dev.junction.api.error.SkipException
                        ? Future.succeededFuture(Optional.empty()) : Future.failedFuture(err));
    }

    public Future<JsonObject> status(FlowRuntime f) {
        FlowConfig c = f.config();
        JsonObject base = new JsonObject().put("id", c.id()).put("description", c.description())
                .put("source", c.source().label()).put("sink", c.sink().label()).put("entity", c.entity())
                .put("state", !f.running() ? "FAILED" : f.paused() ? "PAUSED" : "RUNNING")
                .put("error", f.bindError()).put("concurrency", c.concurrency())
                .put("webhook", c.triggers().webhook())
                .put("pollEvery", c.triggers().pollEvery() == null ? null : c.triggers().pollEvery().toString())
                .put("schedules", c.triggers().schedules().stream().map(s -> s.cron() + " over " + s.window()).toList());
        f.triggers().last().ifPresent(s -> base.put("lastRun", s.toJson()));
        base.put("polling", f.running() && f.triggers().polling());
        base.put("outage", f.outage());
        return store.statusCounts(c.id()).map(counts -> {
            JsonObject cs = new JsonObject();
            for (SyncStatus s : SyncStatus.values()) {
                cs.put(s.name(), counts.getOrDefault(s, 0L));
            }
            return base.put("records", cs);
        });
    }
}
