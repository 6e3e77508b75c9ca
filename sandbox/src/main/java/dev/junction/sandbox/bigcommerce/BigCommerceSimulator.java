package dev.junction.sandbox.bigcommerce;

import dev.junction.sandbox.core.Faults;
import dev.junction.sandbox.core.Simulator;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * A stateful BigCommerce store: v2 orders, shipments and statuses, v3 catalog, customers, inventory and
 * webhooks, behind BigCommerce's auth, store-wide rate limit and error shapes. Registered hooks are really
 * called back. See {@link ControlApi} for the {@code /_sandbox} routes.
 */
public final class BigCommerceSimulator implements Simulator {
    private final BigCommerceOptions options;
    private final BcStore store;
    private final RateLimiter limiter;
    private final WebhookDispatcher dispatcher;
    private final OrderFactory factory;
    private final OrderEvents events;
    private Faults faults = new Faults(0);

    public BigCommerceSimulator(BigCommerceOptions options) {
        this.options = options;
        this.store = new BcStore(options, System::currentTimeMillis);
        this.limiter = new RateLimiter(options.rateLimitQuota(), System::currentTimeMillis);
        this.dispatcher = new WebhookDispatcher(options, store.hooks, store.stats, System::currentTimeMillis);
        this.factory = new OrderFactory(store);
        this.events = new OrderEvents(dispatcher);
    }

    public BigCommerceSimulator() {
        this(BigCommerceOptions.defaults());
    }

    public BigCommerceOptions options() {
        return options;
    }

    @Override
    public String name() {
        return "bigcommerce";
    }

    @Override
    public void attach(Vertx vertx, Faults faults, String baseUrl) {
        this.faults = faults;
        store.baseUrl(baseUrl);
        dispatcher.attach(vertx, faults);
    }

    @Override
    public void routes(Router router) {
        String root = "/stores/:store_hash";
        router.route(root + "/*").handler(new Gatekeeper(options, faults, limiter, store.stats));
        String v2 = root + "/v2";
        String v3 = root + "/v3";
        OrdersApi orders = new OrdersApi(store, factory, events);
        orders.routes(router, v2);
        new ShipmentsApi(store, orders, events).routes(router, v2);
        CatalogApi catalog = new CatalogApi(store);
        catalog.routes(router, v3);
        new InventoryApi(store, events).routes(router, v3);
        new HooksApi(store).routes(router, v3);
        new ControlApi(store, factory, events, dispatcher, catalog, new OrderGenerator(store, factory)).routes(router);
        // Anything else under the store is an unknown resource, answered in the version's own shape.
        router.route(root + "/*").handler(Replies::notFound);
    }

    @Override
    public void reset() {
        store.clear();
        dispatcher.clear();
        limiter.reset();
    }
}
