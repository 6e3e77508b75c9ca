package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

import static dev.junction.sandbox.bigcommerce.Replies.guard;

/** {@code /v3/hooks}: create, list (filters is_active, scope, destination), get, update, delete. */
final class HooksApi {
    private final BcStore store;

    HooksApi(BcStore store) {
        this.store = store;
    }

    void routes(Router router, String v3) {
        router.post(v3 + "/hooks").handler(guard(ctx -> {
            Hooks.Hook h = store.hooks.create(Replies.body(ctx), nowSeconds());
            one(ctx, h);
        }));
        router.get(v3 + "/hooks").handler(guard(this::list));
        router.get(v3 + "/hooks/:webhook_id").handler(guard(ctx -> one(ctx, store.hooks.get(id(ctx)))));
        router.put(v3 + "/hooks/:webhook_id").handler(guard(ctx ->
                one(ctx, store.hooks.update(id(ctx), Replies.body(ctx), nowSeconds()))));
        router.delete(v3 + "/hooks/:webhook_id").handler(guard(ctx -> one(ctx, store.hooks.delete(id(ctx)))));
    }

    private void list(RoutingContext ctx) {
        String active = ctx.request().getParam("is_active");
        String scope = ctx.request().getParam("scope");
        String destination = ctx.request().getParam("destination");
        if (active != null && !active.equals("true") && !active.equals("false")) {
            throw new Formats.BadInput("is_active must be true or false");
        }
        List<Hooks.Hook> matching = store.hooks.all().stream()
                .filter(h -> active == null || h.active() == Boolean.parseBoolean(active))
                .filter(h -> scope == null || h.scope().equals(scope))
                .filter(h -> destination == null || h.destination().equals(destination)).toList();
        Replies.v3List(ctx, matching, h -> h.json(store.options.storeHash()));
    }

    private void one(RoutingContext ctx, Hooks.Hook h) {
        if (h == null) {
            Replies.v3Error(ctx, 404, "The requested webhook was not found.", null, false);
        } else {
            Replies.json(ctx, 200, new JsonObject().put("data", h.json(store.options.storeHash())).put("meta", new JsonObject()));
        }
    }

    private long nowSeconds() {
        return store.clockMs.getAsLong() / 1000;
    }

    private static int id(RoutingContext ctx) {
        return Replies.intParam(ctx, "webhook_id", -1);
    }
}
