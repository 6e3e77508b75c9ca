package dev.junction.hub.admin;

import dev.junction.hub.Hub;
import dev.junction.hub.flow.FlowEngine;
import dev.junction.hub.flow.FlowRuntime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.util.NoSuchElementException;

import static dev.junction.hub.admin.JsonResponses.endpoint;

/** Flows: status, pause/resume, a poll or reconcile run now, and manual import of one record. */
final class FlowRoutes {
    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final Hub hub;

    FlowRoutes(Hub hub) {
        this.hub = hub;
    }

    void mount(Router router) {
        String base = AdminApi.BASE + "/flows";
        router.get(base).handler(endpoint(this::list));
        router.get(base + "/:id").handler(endpoint(ctx -> status(flow(ctx))));
        router.post(base + "/:id/pause").handler(endpoint(ctx -> pause(ctx, true)));
        router.post(base + "/:id/resume").handler(endpoint(ctx -> pause(ctx, false)));
        router.post(base + "/:id/run").handler(endpoint(this::run));
        router.post(base + "/:id/reconcile").handler(endpoint(this::reconcile));
        router.post(base + "/:id/import").handler(endpoint(this::importOne));
    }

    private FlowEngine engine() {
        return Ready.of(hub.engine());
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        return Future.all(engine().flows().stream().map(this::status).toList())
                .map(all -> new JsonObject().put("flows", new JsonArray(all.list())));
    }

    private Future<JsonObject> status(FlowRuntime f) {
        return engine().status(f).map(s -> s.put("error", SecretRedaction.mask(s.getString("error"))));
    }

    private FlowRuntime flow(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        return engine().flow(id).orElseThrow(() -> ApiException.notFound("no flow '" + id + "'; flows: "
                + engine().flows().stream().map(f -> f.config().id()).toList()));
    }

    /** The flow, or 409 saying why it is not running (a connection failed, a stream is missing ...). */
    private FlowRuntime runningFlow(RoutingContext ctx) {
        FlowRuntime f = flow(ctx);
        if (!f.running()) {
            throw ApiException.conflict("flow '" + f.config().id() + "' is not running: "
                    + SecretRedaction.mask(f.bindError()));
        }
        return f;
    }

    private Future<JsonObject> pause(RoutingContext ctx, boolean pause) {
        FlowRuntime f = flow(ctx);
        return f.setPaused(pause).compose(v -> status(f));
    }

    private Future<JsonObject> run(RoutingContext ctx) {
        FlowRuntime f = runningFlow(ctx);
        return engine().runNow(f.config().id()).map(FlowRoutes::maskError);
    }

    private Future<JsonObject> reconcile(RoutingContext ctx) {
        FlowRuntime f = runningFlow(ctx);
        Duration window = Requests.durationQuery(ctx, "window").orElse(DEFAULT_WINDOW);
        return engine().reconcile(f.config().id(), window).map(s -> maskError(s).put("window", window.toString()));
    }

    private Future<JsonResponses.Reply> importOne(RoutingContext ctx) {
        FlowRuntime f = runningFlow(ctx);
        String flowId = f.config().id();
        JsonObject body = Requests.body(ctx, "{\"sourceId\": \"218\"}");
        Object raw = body.getValue("sourceId");
        if (!(raw instanceof String || raw instanceof Number) || String.valueOf(raw).isBlank()) {
            throw ApiException.badRequest("'sourceId' is required: the record's id in " + f.config().source().label()
                    + ", such as {\"sourceId\": \"218\"}");
        }
        String sourceId = String.valueOf(raw).strip();
        return engine().importOne(flowId, sourceId)
                .recover(e -> Future.failedFuture(ApiErrors.unwrap(e) instanceof NoSuchElementException nse
                        ? ApiException.notFound(SecretRedaction.mask(nse.getMessage()))
                        : new ApiException(502, "fetching '" + sourceId + "' from " + f.config().source().label()
                                + " failed: " + SecretRedaction.mask(String.valueOf(ApiErrors.unwrap(e).getMessage())))))
                .compose(result -> {
                    if (!result.ids().isEmpty()) {
                        long id = result.ids().get(0);
                        return Ready.of(hub.store()).record(id).map(r -> new JsonResponses.Reply(201, new JsonObject()
                                .put("imported", true).put("duplicate", false).put("recordId", id)
                                .put("record", r.map(RecordRoutes::summary).orElse(null))));
                    }
                    // Same content as a stored record: answer with that one. The newest record of this source id
                    // is it unless the content changed and changed back (the engine does not say which one matched).
                    return Ready.of(hub.store()).recordsBySource(flowId, sourceId).map(found -> new JsonResponses.Reply(200,
                            new JsonObject().put("imported", false).put("duplicate", true)
                                    .put("recordId", found.isEmpty() ? null : found.get(0).id())
                                    .put("record", found.isEmpty() ? null : RecordRoutes.summary(found.get(0)))
                                    .put("message", "record '" + sourceId + "' is unchanged since it was stored; retry"
                                            + " the stored record to sync it again")));
                });
    }

    private static JsonObject maskError(JsonObject summary) {
        return summary.put("error", SecretRedaction.mask(summary.getString("error")));
    }
}
