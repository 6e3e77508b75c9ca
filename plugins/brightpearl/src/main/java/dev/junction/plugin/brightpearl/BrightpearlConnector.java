package dev.junction.plugin.brightpearl;

import dev.junction.api.CheckResult;
import dev.junction.api.OAuthSupport;
import dev.junction.api.ConfigField;
import dev.junction.api.ConfigSchema;
import dev.junction.api.ConnectionContext;
import dev.junction.api.Connector;
import dev.junction.api.ConnectorDescriptor;
import dev.junction.api.HandlerRegistry;
import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderStatusChange;
import dev.junction.api.model.Shipment;
import dev.junction.plugin.brightpearl.auth.OAuthAuth;
import dev.junction.plugin.brightpearl.client.BrightpearlConfig;
import dev.junction.plugin.brightpearl.client.WriteBatching;
import dev.junction.plugin.brightpearl.goodsout.GoodsOutNotesSource;
import dev.junction.plugin.brightpearl.goodsout.ShipmentSink;
import dev.junction.plugin.brightpearl.mapping.FulfilmentMapper;
import dev.junction.plugin.brightpearl.mapping.InventoryMapper;
import dev.junction.plugin.brightpearl.mapping.OrderMapper;
import dev.junction.plugin.brightpearl.mapping.OrderShipmentMapper;
import dev.junction.plugin.brightpearl.mapping.ShipmentMapper;
import dev.junction.plugin.brightpearl.mapping.StatusChangeMapper;
import dev.junction.plugin.brightpearl.orders.OrderStatusSink;
import dev.junction.plugin.brightpearl.orders.OrdersSource;
import dev.junction.plugin.brightpearl.orders.StatusChangesSource;
import dev.junction.plugin.brightpearl.sales.ContactResolver;
import dev.junction.plugin.brightpearl.sales.SalesOrderSink;
import dev.junction.plugin.brightpearl.stock.StockCorrectionSink;
import dev.junction.plugin.brightpearl.stock.StockSource;
import dev.junction.plugin.brightpearl.support.LookupSettings;
import dev.junction.plugin.brightpearl.support.ProductLookup;
import dev.junction.plugin.brightpearl.support.ReferenceData;
import dev.junction.plugin.brightpearl.webhooks.BrightpearlWebhooks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.pf4j.Extension;

/** The Brightpearl connector: Brightpearl is the merchant's system of record. */
@Extension
public final class BrightpearlConnector implements Connector, OAuthSupport {
    public static final String ID = "brightpearl";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.optional("baseUrl", ConfigField.Type.URL,
                    "Explicit API base URL (the sandbox, or a host Brightpearl gave you); overrides 'datacenter'", null),
            ConfigField.optional("datacenter", ConfigField.Type.STRING,
                    "Datacenter code from your Brightpearl web address: euw1, use1, usw1, or ws-eu1/ws-use/ws-usw "
                            + "(oauth mode may leave it out: Brightpearl reports the host when the app is approved)", null),
            ConfigField.optional("oauthUrl", ConfigField.Type.URL,
                    "OAuth server (oauth mode); default https://oauth.brightpearl.com, or the baseUrl when one is set", null),
            ConfigField.required("accountId", ConfigField.Type.STRING, "The account code you log in to Brightpearl with"),
            ConfigField.choice("authMode", "private-app (App Store > Private Apps), staff (API user email and password) "
                    + "or oauth (approve the app in Brightpearl)", "private-app", "private-app", "staff", "oauth"),
            ConfigField.optional("appRef", ConfigField.Type.STRING, "App reference (private app) or client id (OAuth app)", null),
            ConfigField.optionalSecret("accountToken", "Private app account token, from App Store > Private Apps"),
            ConfigField.optional("email", ConfigField.Type.STRING, "Staff API user's email (staff mode)", null),
            ConfigField.optionalSecret("password", "Staff API user's password (staff mode)"),
            ConfigField.optionalSecret("clientSecret", "OAuth app client secret (oauth mode)"),
            ConfigField.optional("devRef", ConfigField.Type.STRING, "Developer reference of a public app, if any", null),
            ConfigField.optional("installedIntegrationInstanceId", ConfigField.Type.INTEGER,
                    "Installed integration instance id (OAuth installs report it); scopes order externalRefs", null),
            ConfigField.optional(LookupSettings.REFRESH, ConfigField.Type.INTEGER,
                    "Seconds the hub's copy of your product SKUs and contact emails may age before a lookup refreshes it "
                            + "with one search for what changed; a product added in Brightpearl is matched by orders after "
                            + "at most this long (a new customer's email is always checked afresh)",
                    String.valueOf(LookupSettings.DEFAULT_REFRESH_SECONDS)),
            ConfigField.optional(LookupSettings.RELOAD, ConfigField.Type.INTEGER,
                    "Minutes between full re-reads of that copy, so products and contacts deleted in Brightpearl drop out",
                    String.valueOf(LookupSettings.DEFAULT_RELOAD_MINUTES)),
            ConfigField.optional(LookupSettings.CONTACT_LIMIT, ConfigField.Type.INTEGER,
                    "Most contacts the hub copies (500 per request when it starts and at each re-read); an account with "
                            + "more has each unknown email searched for on its own. 0 turns the contact copy off",
                    String.valueOf(LookupSettings.DEFAULT_CONTACT_LIMIT)),
            ConfigField.optional(WriteBatching.ENABLED, ConfigField.Type.BOOLEAN,
                    "Send writes that queue up together in Brightpearl multi-messages (up to ten writes, counted as one "
                            + "request of the 200-a-minute budget); false sends every write on its own",
                    "true"),
            ConfigField.optional(WriteBatching.CONCURRENCY, ConfigField.Type.INTEGER,
                    "Most write requests to Brightpearl at once (1-64); writes beyond it wait and leave together in one "
                            + "multi-message. Lower saves more budget under load, higher lowers waiting",
                    String.valueOf(WriteBatching.DEFAULT_CONCURRENCY)),
            ConfigField.optional(WriteBatching.LINGER, ConfigField.Type.INTEGER,
                    "Milliseconds a write that finds Brightpearl idle waits for others to share its multi-message "
                            + "(0-1000). 0 sends it at once; a few ms saves budget at moderate order rates for that much latency",
                    String.valueOf(WriteBatching.DEFAULT_LINGER_MS)));

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "Brightpearl", "0.1.0", SCHEMA);
    }

    @Override
    public Future<CheckResult> check(ConnectionContext context) {
        BrightpearlConnection bp;
        try {
            bp = BrightpearlConnection.open(context);
        } catch (PermanentException e) {
            return Future.succeededFuture(CheckResult.failed(e.getMessage()));
        }
        return bp.reference().choices(ReferenceData.WAREHOUSES)
                .map(list -> CheckResult.ok("Brightpearl account '" + bp.config().accountId() + "' answered with "
                        + list.size() + " warehouse(s) (" + bp.config().authMode().configValue + " credentials accepted)"))
                .recover(e -> Future.succeededFuture(CheckResult.failed(explain(bp.config(), e))));
    }

    static String explain(BrightpearlConfig config, Throwable e) {
        if (e instanceof PermanentException) {
            return e.getMessage();
        }
        return "Could not reach Brightpearl at " + (config.host() == null ? "the host OAuth reported" : config.host())
                + " for account '" + config.accountId()
                + "': check the datacenter code or base URL and the hub's network (" + e.getMessage() + ")";
    }

    @Override
    public void register(ConnectionContext context, HandlerRegistry registry) {
        BrightpearlConnection bp = BrightpearlConnection.open(context);
        LookupSettings lookups = LookupSettings.from(context.config());
        ProductLookup products = new ProductLookup(bp.client(), context.clock(), context.logger(),
                lookups.refreshEvery(), lookups.reloadEvery());
        ContactResolver contacts = new ContactResolver(bp.client(), context.clock(), context.logger(),
                lookups.refreshEvery(), lookups.reloadEvery(), lookups.contactIndexLimit());
        OrderStatusSink statusSink = new OrderStatusSink(bp);

        registry.source("orders", new OrdersSource(bp));
        registry.source("goods-out-notes", GoodsOutNotesSource.created(bp));
        registry.source("shipped-goods-out-notes", GoodsOutNotesSource.shipped(bp));
        registry.source("order-status-changes", new StatusChangesSource(bp));
        registry.source("stock", new StockSource(bp));

        registry.mapper("orders", JsonObject.class, Order.class, new OrderMapper());
        registry.mapper("orders", JsonObject.class, Fulfilment.class, FulfilmentMapper.orderMode());
        registry.mapper("orders", JsonObject.class, Shipment.class, new OrderShipmentMapper());
        registry.mapper("goods-out-notes", JsonObject.class, Fulfilment.class, FulfilmentMapper.goodsOutNote());
        registry.mapper("shipped-goods-out-notes", JsonObject.class, Shipment.class, new ShipmentMapper());
        registry.mapper("order-status-changes", JsonObject.class, OrderStatusChange.class, new StatusChangeMapper());
        registry.mapper("stock", JsonObject.class, InventoryLevel.class, new InventoryMapper());

        registry.sink("sales-orders", Order.class, new SalesOrderSink(bp, contacts, products));
        registry.sink("order-status", OrderStatusChange.class, statusSink);
        registry.sink("shipments", Shipment.class, new ShipmentSink(bp, statusSink));
        registry.sink("stock-corrections", InventoryLevel.class, new StockCorrectionSink(bp, products));

        registry.webhooks(new BrightpearlWebhooks(bp));

        registry.referenceData("order-statuses", () -> bp.reference().choices(ReferenceData.STATUSES));
        registry.referenceData("shipping-methods", () -> bp.reference().choices(ReferenceData.SHIPPING_METHODS));
        registry.referenceData("warehouses", () -> bp.reference().choices(ReferenceData.WAREHOUSES));
        registry.referenceData("channels", () -> bp.reference().choices(ReferenceData.CHANNELS));
        registry.referenceData("price-lists", () -> bp.reference().choices(ReferenceData.PRICE_LISTS));
    }

    /**
     * OAuth step 1, for the hub's admin API: where to send the merchant to approve the app for their account.
     * {@code state} is the admin API's own anti-forgery value, echoed back to {@code redirectUri}.
     */
    @Override
    public String authorizeUrl(ConnectionContext context, String redirectUri, String state) {
        return oauth(context).authorizeUrl(redirectUri, state);
    }

    /** OAuth step 2: trades the code Brightpearl sent to {@code redirectUri} for tokens, kept in the connection's state. */
    @Override
    public Future<Void> exchangeCode(ConnectionContext context, String code, String redirectUri) {
        try {
            return oauth(context).exchangeCode(code, redirectUri).mapEmpty();
        } catch (PermanentException e) {
            return Future.failedFuture(e);
        }
    }

    private static OAuthAuth oauth(ConnectionContext context) {
        BrightpearlConnection bp = BrightpearlConnection.open(context);
        if (!(bp.client().auth() instanceof OAuthAuth o)) {
            throw new PermanentException("connection '" + context.connectionId() + "' is not set to authMode oauth");
        }
        return o;
    }
}
