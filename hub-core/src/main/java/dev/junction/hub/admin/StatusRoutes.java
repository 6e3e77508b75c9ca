package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import dev.junction.hub.connection.ConnectionRuntime;
import dev.junction.hub.flow.FlowRuntime;
import dev.junction.hub.plugin.PluginStatus;
import dev.junction.hub.store.SyncStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/** {@code /status} (version, uptime, counts) and {@code /metrics} (the hub's counters and timers). */
final class StatusRoutes {
    private final Hub hub;

    StatusRoutes(Hub hub) {
        this.hub = hub;
    }

    void mount(Router router) {
        router.get(AdminApi.BASE + "/status").handler(endpoint(this::status));
        router.get(AdminApi.BASE + "/metrics").handler(endpoint(ctx -> Future.succeededFuture(hub.metrics().toJson())));
    }

    private Future<JsonObject> status(RoutingContext ctx) {
        Duration up = Duration.between(hub.startedAt(), hub.clock().instant());
        List<PluginStatus> plugins = Ready.of(hub.plugins()).statuses();
        Collection<ConnectionRuntime> connections = Ready.of(hub.connections()).all().values();
        Collection<FlowRuntime> flows = Ready.of(hub.engine()).flows();
        JsonObject out = new JsonObject().put("version", Hub.version()).put("startedAt", hub.startedAt().toString())
                .put("uptime", up.withNanos(0).toString()).put("uptimeSeconds", up.toSeconds())
                .put("plugins", new JsonObject().put("total", plugins.size())
                        .put("running", plugins.stream().filter(PluginStatus::running).count()))
                .put("connections", new JsonObject().put("total", connections.size())
                        .put("running", connections.stream().filter(ConnectionRuntime::running).count())
                        .put("failed", connections.stream().filter(c -> !c.running()).count()))
                .put("flows", new JsonObject().put("total", flows.size())
                        .put("running", flows.stream().filter(f -> f.running() && !f.paused()).count())
                        .put("paused", flows.stream().filter(f -> f.running() && f.paused()).count())
                        .put("failed", flows.stream().filter(f -> !f.running()).count()));
        List<Future<Map<SyncStatus, Long>>> counts = flows.stream()
                .map(f -> hub.store().statusCounts(f.config().id())).toList();
        return Future.all(counts).map(all -> {
            Map<SyncStatus, Long> sum = new EnumMap<>(SyncStatus.class);
            for (int i = 0; i < all.size(); i++) {
                Map<SyncStatus, Long> one = all.resultAt(i);
                one.forEach((k, v) -> sum.merge(k, v, Long::sum));
            }
            JsonObject records = new JsonObject();
            for (SyncStatus s : SyncStatus.values()) {
                records.put(s.name(), sum.getOrDefault(s, 0L));
            }
            return out.put("records", records);
        });
    }
}
