package dev.junction.sandbox.brightpearl;

import dev.junction.sandbox.core.Faults;
import dev.junction.sandbox.core.Simulator;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Stateful simulator of the Brightpearl public REST API (see {@code shared/api/brightpearl.md}). Every
 * {@code /public-api/{account}/...} request passes, in order: outage knob, throttle (headers always),
 * authentication, injected errors; then the service routes ({@link BpRoutes}), or {@link MultiMessage}, which runs up
 * to ten of them behind one pass of that gate. Control routes live under {@code /_sandbox/}.
 */
public final class BrightpearlSimulator implements Simulator {
    static final String TOO_MANY = "You have sent too many requests. Please wait before sending another request";
    static final String UNAVAILABLE = "Service unavailable: Brightpearl is temporarily down for maintenance";

    private final BrightpearlOptions options;
    private final BpState state;
    private final Auth auth;
    private final Throttle throttle;
    private final Stats stats = new Stats();
    private final Webhooks hooks;
    private final GoodsOutService goodsOut;
    private final OrderService orders;
    private final OrderSearches orderSearches;
    private final ProductService products;
    private final WarehouseService warehouse;
    private final ContactService contacts;
    private final AtomicLong ruid = new AtomicLong();
    private Faults faults = new Faults(0);

    public BrightpearlSimulator(BrightpearlOptions options) {
        this.options = options;
        this.state = new BpState(options);
        this.auth = new Auth(state);
        this.throttle = new Throttle(() -> state.requestsPerMinute, () -> state.throttleWindowMs);
        this.hooks = new Webhooks(state);
        this.goodsOut = new GoodsOutService(state, hooks);
        this.orders = new OrderService(state, hooks, goodsOut);
        this.orderSearches = new OrderSearches(state);
        this.products = new ProductService(state, hooks);
        this.warehouse = new WarehouseService(state, hooks, products);
        this.contacts = new ContactService(state);
    }

    public BrightpearlSimulator() {
        this(BrightpearlOptions.defaults());
    }

    public BrightpearlOptions options() {
        return options;
    }

    /** The account state, for in-package tests that check indexes against a scan of it. */
    BpState state() {
        return state;
    }

    @Override
    public String name() {
        return "brightpearl";
    }

    @Override
    public void attach(Vertx vertx, Faults faults, String baseUrl) {
        this.faults = faults;
        hooks.attach(vertx, faults);
        auth.baseUrl(baseUrl);
    }

    @Override
    public void routes(Router router) {
        String prefix = "/public-api/:account";
        BpRoutes api = new BpRoutes();
        orders.routes(api);
        orderSearches.routes(api);
        goodsOut.routes(api);
        warehouse.routes(api);
        products.routes(api);
        contacts.routes(api);
        hooks.routes(api);
        router.route("/public-api/*").handler(this::gate);
        // after the gate, like every API route: one budget token, one auth check for the whole batch
        router.post(prefix + "/multi-message").handler(BpHttp.route(new MultiMessage(api, stats)::run));
        api.register(router, prefix);
        router.route("/public-api/*").handler(ctx -> BpHttp.fail(ctx,
                BpException.notFound("No such resource: " + ctx.request().method() + " " + ctx.request().path())));

        router.route("/token/*").handler(this::authGate);
        router.route("/oauth/*").handler(this::authGate);
        router.post("/:account/authorise").handler(this::authGate);
        auth.routes(router);
        new ControlApi(state, auth, stats, throttle, hooks, orders, goodsOut, products, contacts).routes(router);
    }

    /** Auth endpoints share the outage knob and carry the throttle headers without spending budget. */
    private void authGate(RoutingContext ctx) {
        headers(ctx, throttle.peek(state.now().toEpochMilli()));
        if (faults.down()) {
            stats.unavailable.increment();
            BpHttp.fail(ctx, BpException.responseText(503, UNAVAILABLE));
            return;
        }
        ctx.next();
    }

    private void gate(RoutingContext ctx) {
        String path = ctx.request().path();
        int accountEnd = path.indexOf('/', "/public-api/".length());
        String account = accountEnd < 0 ? path.substring("/public-api/".length())
                : path.substring("/public-api/".length(), accountEnd);
        stats.count(ctx.request().method().name(), accountEnd < 0 ? "/" : path.substring(accountEnd));
        if (faults.down()) {
            stats.unavailable.increment();
            headers(ctx, throttle.peek(state.now().toEpochMilli()));
            BpHttp.fail(ctx, BpException.responseText(503, UNAVAILABLE));
            return;
        }
        // forced throttling models "throttled right now" (another app drained the pool): it answers a short
        // period, not a fresh window, so a client that honours the header retries soon
        Throttle.Decision d = faults.forceThrottle()
                ? new Throttle.Decision(false, 0, Math.max(1, state.forcedThrottlePeriodMs))
                : throttle.take(state.now().toEpochMilli());
        headers(ctx, d);
        if (!d.admitted()) {
            stats.throttled.increment();
            BpHttp.fail(ctx, BpException.responseText(503, TOO_MANY));
            return;
        }
        try {
            if (!options.accountCode().equals(account)) {
                throw BpException.responseText(401, Auth.NOT_AUTHENTICATED);
            }
            auth.check(ctx);
        } catch (BpException e) {
            stats.unauthorized.increment();
            BpHttp.fail(ctx, e);
            return;
        }
        if (faults.injectError()) {
            stats.injectedErrors.increment();
            BpHttp.fail(ctx, BpException.error(500, "CMNU-003", "An unexpected error occurred. Please try again later."));
            return;
        }
        ctx.next();
    }

    private void headers(RoutingContext ctx, Throttle.Decision d) {
        ctx.response().putHeader("brightpearl-requests-remaining", String.valueOf(d.remaining()))
                .putHeader("brightpearl-next-throttle-period", String.valueOf(d.nextPeriodMs()))
                .putHeader("ruid", "sandbox-" + ruid.incrementAndGet())
                .putHeader("message-type", "api-proxy");
    }

    @Override
    public void reset() {
        state.reset();
        auth.reset();
        hooks.reset();
        throttle.clear();
        stats.reset();
    }
}
