package dev.junction.sandbox.shiphero;

import dev.junction.sandbox.core.Faults;
import dev.junction.sandbox.core.Simulator;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * ShipHero's public API: {@code POST /auth/token}, {@code POST /auth/refresh} and {@code POST /graphql}
 * (Bearer). GraphQL documents are read just far enough to find root fields and their arguments
 * ({@link GraphQl}); each root field spends its complexity from a credit bucket, and when the bucket is short
 * the field is answered with ShipHero's "not enough credits" error (HTTP 200, {@code data.<field>} null).
 * Every response carries {@code extensions.throttling.user_quota}. Control routes: {@link ShipHeroControl}.
 */
public final class ShipHeroSimulator implements Simulator {
    private final ShipHeroOptions options;
    private final ShipHeroStore store;
    private final ShipHeroStats stats = new ShipHeroStats();
    private final ShipHeroAuth auth;
    private final CreditBucket credits;
    private final ShipHeroWebhooks webhooks;
    private final ShipHeroWarehouse warehouse;
    private final ShipHeroResolvers resolvers;
    private Faults faults = new Faults(0);

    public ShipHeroSimulator(ShipHeroOptions options) {
        this.options = options;
        this.store = new ShipHeroStore(options);
        this.auth = new ShipHeroAuth(options, store);
        this.credits = new CreditBucket(options.creditBucket(), options.creditsPerSecond());
        this.webhooks = new ShipHeroWebhooks(store, stats);
        this.warehouse = new ShipHeroWarehouse(options, store, webhooks);
        this.resolvers = new ShipHeroResolvers(options, store, new ShipHeroOrders(store), warehouse, webhooks);
    }

    public ShipHeroSimulator() {
        this(ShipHeroOptions.defaults());
    }

    public ShipHeroOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "shiphero";
    }

    @Override
    public void attach(Vertx vertx, Faults faults, String baseUrl) {
        this.faults = faults;
        webhooks.attach(vertx, faults);
        warehouse.attach(vertx);
    }

    @Override
    public void routes(Router router) {
        router.post("/auth/token").handler(this::token);
        router.post("/auth/refresh").handler(this::refresh);
        router.post("/graphql").handler(this::graphql);
        new ShipHeroControl(store, stats, credits, warehouse, resolvers, webhooks).routes(router);
    }

    @Override
    public void reset() {
        store.reset();
        stats.reset();
        auth.reset();
        credits.reset();
        webhooks.reset();
    }

    private boolean outage(RoutingContext ctx) {
        stats.requests.incrementAndGet();
        if (faults.down()) {
            stats.unavailable.incrementAndGet();
            ctx.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                    .end(errors("Service Unavailable").encode());
            return true;
        }
        if (faults.injectError()) {
            stats.injectedErrors.incrementAndGet();
            ctx.response().setStatusCode(500).putHeader("Content-Type", "application/json")
                    .end(errors("Internal Server Error").encode());
            return true;
        }
        return false;
    }

    private void token(RoutingContext ctx) {
        if (outage(ctx)) return;
        JsonObject body = jsonBody(ctx);
        JsonObject tokens = body == null ? null : auth.login(body.getString("username"), body.getString("password"));
        if (tokens == null) {
            stats.unauthorized.incrementAndGet();
            ctx.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "invalid_grant").put("error_description", "Wrong email or password.").encode());
            return;
        }
        ctx.json(tokens);
    }

    private void refresh(RoutingContext ctx) {
        if (outage(ctx)) return;
        JsonObject body = jsonBody(ctx);
        JsonObject tokens = body == null ? null : auth.refresh(body.getString("refresh_token"));
        if (tokens == null) {
            stats.unauthorized.incrementAndGet();
            ctx.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "invalid_grant").put("error_description", "Unknown or invalid refresh token.").encode());
            return;
        }
        ctx.json(tokens);
    }

    private void graphql(RoutingContext ctx) {
        if (outage(ctx)) return;
        ShipHeroAuth.Check check = auth.check(ctx.request().getHeader("Authorization"));
        if (check != ShipHeroAuth.Check.OK) {
            stats.unauthorized.incrementAndGet();
            String message = switch (check) {
                case MISSING -> "Authorization header with a Bearer token is required";
                case EXPIRED -> "Token has expired";
                default -> "Invalid token";
            };
            ctx.response().setStatusCode(401).putHeader("Content-Type", "application/json").end(errors(message).encode());
            return;
        }
        JsonObject body = jsonBody(ctx);
        GraphQl.Operation op;
        try {
            if (body == null) throw new GraphQl.SyntaxError("Request body must be a JSON object with a 'query'");
            op = GraphQl.parse(body.getString("query"), body.getJsonObject("variables"), body.getString("operationName"));
        } catch (GraphQl.SyntaxError | ClassCastException e) {
            ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(errors(e.getMessage()).encode());
            return;
        }
        ctx.json(execute(op));
    }

    /** Runs each root field on its own: one throttled or failed field does not hide the others' data. */
    private JsonObject execute(GraphQl.Operation op) {
        JsonObject data = new JsonObject();
        JsonArray errors = new JsonArray();
        int spent = 0;
        boolean throttled = false;
        for (GraphQl.Field f : op.fields()) {
            data.putNull(f.key());
            stats.operation(f.name());
            if (!ShipHeroResolvers.known(f.name(), op.mutation())) {
                errors.add(error("Cannot query field \"" + f.name() + "\" on type \"" + (op.mutation() ? "Mutation" : "Query") + "\".", f));
                continue;
            }
            int cost;
            try {
                cost = ShipHeroResolvers.cost(f);
            } catch (ShipHeroError e) {
                errors.add(error(e.getMessage(), f));
                continue;
            }
            if (Boolean.TRUE.equals(f.args().getValue("analyze"))) {
                // analyze: true reports the cost without spending credits or doing anything.
                data.put(f.key(), new JsonObject().put("request_id", store.randomHex(12)).put("complexity", cost).putNull("data"));
                continue;
            }
            if (faults.forceThrottle() || !credits.trySpend(cost)) {
                throttled = true;
                errors.add(creditError(f, cost));
                continue;
            }
            spent += cost;
            try {
                data.put(f.key(), resolvers.resolve(f));
            } catch (ShipHeroError e) {
                errors.add(error(e.getMessage(), f));
            }
        }
        if (throttled) stats.throttled.incrementAndGet();
        JsonObject response = new JsonObject().put("data", data);
        if (!errors.isEmpty()) response.put("errors", errors);
        response.put("extensions", new JsonObject().put("throttling", new JsonObject().put("cost", spent)
                .put("user_quota", credits.userQuota())));
        return response;
    }

    private JsonObject creditError(GraphQl.Field f, int cost) {
        int seconds = credits.secondsUntil(Math.min(cost, Math.max(1, credits.size())));
        String message = "There are not enough credits to perfom the requested operation, which requires " + cost
                + " credits. The max allowed for your account is " + credits.size()
                + " credits per operation. Try again in " + seconds + " seconds";
        JsonObject details = new JsonObject().put("code", 30).put("required_credits", cost)
                .put("remaining_credits", credits.remaining()).put("time_remaining", seconds + " seconds");
        return error(message, f).mergeIn(details.copy()).put("extensions", details);
    }

    private JsonObject error(String message, GraphQl.Field f) {
        return new JsonObject().put("message", message).put("operation", f.name())
                .put("path", new JsonArray().add(f.key())).put("request_id", store.randomHex(12));
    }

    private static JsonObject errors(String message) {
        return new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)));
    }

    private static JsonObject jsonBody(RoutingContext ctx) {
        try {
            return ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
