package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import dev.junction.hub.flow.FlowConfig;
import dev.junction.hub.flow.FlowRuntime;
import dev.junction.hub.store.RecordQuery;
import dev.junction.hub.store.SyncRecord;
import dev.junction.hub.store.SyncStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/**
 * The sync log as a merchant reads it (BrightConnect's "Sync logs"): one row per record sent out by a flow
 * (e.g. each goods-out note sent to ShipHero) with the order reference, total, inserted and synced times,
 * the order sync status (Pending / Synced / Failed / Skipped, with the reason), the shipping method sent,
 * and — given the flow that brings shipments back — the shipment status: blank until the shipment for
 * that note has been written back, then Synced. A failed row is re-synced with
 * {@code POST /api/v1/records/{id}/retry}.
 *
 * <p>The shipment status is read from the id link the return flow commits when it writes a shipment onto
 * the note (the link from the note's id in the sink's system to the shipment's id in the source's), so no
 * extra bookkeeping is needed.
 */
final class SyncLogRoutes {
    private static final int DEFAULT_LIMIT = 50;

    private final Hub hub;

    SyncLogRoutes(Hub hub) {
        this.hub = hub;
    }

    void mount(Router router) {
        router.get(AdminApi.BASE + "/flows/:id/sync-log").handler(endpoint(this::log));
    }

    private Future<JsonObject> log(RoutingContext ctx) {
        FlowConfig flow = flow(ctx.pathParam("id"));
        Optional<FlowConfig> back = Requests.query(ctx, "returnFlow").map(this::flow);
        back.ifPresent(b -> {
            if (!b.sink().connection().equals(flow.source().connection())) {
                throw ApiException.badRequest("returnFlow '" + b.id() + "' writes to '" + b.sink().connection()
                        + "', not to '" + flow.source().connection() + "' where flow '" + flow.id() + "' reads from");
            }
        });
        SyncStatus status = Requests.query(ctx, "status").map(SyncLogRoutes::status).orElse(null);
        int offset = Requests.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intQuery(ctx, "limit", DEFAULT_LIMIT, 1, RecordRoutes.MAX_LIMIT);
        RecordQuery q = new RecordQuery(flow.id(), status, null, null, Requests.query(ctx, "q").orElse(null), offset, limit);
        var store = Ready.of(hub.store());
        return store.count(q).compose(total -> store.records(q).compose(page -> {
            List<Future<JsonObject>> rows = new ArrayList<>();
            for (SyncRecord r : page) {
                rows.add(row(r, back));
            }
            return Future.all(rows).map(all -> {
                JsonArray out = new JsonArray();
                for (int i = 0; i < all.size(); i++) {
                    out.add(all.<JsonObject>resultAt(i));
                }
                return new JsonObject().put("flow", flow.id()).put("returnFlow", back.map(FlowConfig::id).orElse(null))
                        .put("total", total).put("offset", offset).put("limit", limit).put("rows", out);
            });
        }));
    }

    private Future<JsonObject> row(SyncRecord r, Optional<FlowConfig> back) {
        JsonObject row = new JsonObject().put("recordId", r.id()).put("sourceId", r.sourceId())
                .put("orderReference", r.facts().getOrDefault("orderReference", r.facts().get("reference")))
                .put("total", r.facts().get("total"))
                .put("insertedAt", String.valueOf(r.createdAt()))
                .put("syncedAt", r.syncedAt() == null ? null : r.syncedAt().toString())
                .put("orderStatus", label(r.status()))
                .put("reason", r.status() == SyncStatus.FAILED || r.status() == SyncStatus.SKIPPED ? r.message() : null)
                .put("shippingMethod", r.facts().get("shippingMethod"))
                .put("shipmentStatus", "");
        if (back.isEmpty() || r.status() != SyncStatus.SYNCED) {
            return Future.succeededFuture(row);
        }
        FlowConfig b = back.get();
        return Ready.of(hub.store()).findLink(b.entity(), b.sink().connection(), r.sourceId(), b.source().connection())
                .map(shipment -> {
                    shipment.ifPresent(id -> row.put("shipmentStatus", "Synced").put("shipmentId", id));
                    return row;
                });
    }

    private FlowConfig flow(String id) {
        return Ready.of(hub.engine()).flow(id).map(FlowRuntime::config)
                .orElseThrow(() -> ApiException.notFound("no flow '" + id + "'"));
    }

    private static String label(SyncStatus s) {
        return switch (s) {
            case PENDING, IN_PROGRESS -> "Pending";
            case SYNCED -> "Synced";
            case FAILED -> "Failed";
            case SKIPPED -> "Skipped";
        };
    }

    private static SyncStatus status(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "pending" -> SyncStatus.PENDING;
            case "synced" -> SyncStatus.SYNCED;
            case "failed" -> SyncStatus.FAILED;
            case "skipped" -> SyncStatus.SKIPPED;
            default -> throw ApiException.badRequest("'status' must be Pending, Synced, Failed or Skipped, got '" + text + "'");
        };
    }
}
