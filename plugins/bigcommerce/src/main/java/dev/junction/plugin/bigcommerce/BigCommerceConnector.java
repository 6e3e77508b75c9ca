package dev.junction.plugin.bigcommerce;

import dev.junction.api.CheckResult;
import dev.junction.api.ConfigField;
import dev.junction.api.ConfigSchema;
import dev.junction.api.ConnectionContext;
import dev.junction.api.Connector;
import dev.junction.api.ConnectorDescriptor;
import dev.junction.api.HandlerRegistry;
import dev.junction.api.mapping.Choice;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderStatusChange;
import dev.junction.api.model.Shipment;
import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import dev.junction.plugin.bigcommerce.client.BigCommerceConfig;
import dev.junction.plugin.bigcommerce.client.BigCommerceRateLimitPolicy;
import dev.junction.plugin.bigcommerce.inventory.InventorySink;
import dev.junction.plugin.bigcommerce.mapping.OrderMapper;
import dev.junction.plugin.bigcommerce.mapping.StatusChangeMapper;
import dev.junction.plugin.bigcommerce.orders.OrderSource;
import dev.junction.plugin.bigcommerce.orders.OrderStatusSink;
import dev.junction.plugin.bigcommerce.shipments.ShipmentSink;
import dev.junction.plugin.bigcommerce.webhooks.OrderWebhooks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.pf4j.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The BigCommerce store connector: orders in, shipments, statuses and stock out. */
@Extension
public final class BigCommerceConnector implements Connector {

    public static final String ID = "bigcommerce";

    private static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.required("storeHash", ConfigField.Type.STRING,
                    "The store hash: the part after /stores/ in the API path shown when you create a BigCommerce API account"),
            ConfigField.secret("accessToken",
                    "Access token of a BigCommerce API account (Settings > API > Store-level API accounts) with Orders: modify, "
                            + "Products: modify (for stock) and Information & settings: read-only"),
            ConfigField.optional("clientId", ConfigField.Type.STRING,
                    "Client ID of the API account; not needed for API calls, kept for reference", null),
            ConfigField.optionalSecret("clientSecret", "Client secret of the API account; optional"),
            ConfigField.optional("baseUrl", ConfigField.Type.URL,
                    "API root to use instead of https://api.bigcommerce.com/stores/{storeHash} (sandbox or proxy)", null));

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "BigCommerce", "0.1.0", SCHEMA);
    }

    @Override
    public Future<CheckResult> check(ConnectionContext context) {
        BigCommerceClient client;
        try {
            client = client(context);
        } catch (RuntimeException e) {
            return Future.succeededFuture(CheckResult.failed(e.getMessage()));
        }
        return client.getList("/v2/order_statuses", Map.of())
                .map(statuses -> statuses.isEmpty()
                        ? CheckResult.failed("BigCommerce answered but listed no order statuses; check 'storeHash' and 'baseUrl'")
                        : CheckResult.ok("read " + statuses.size() + " order statuses from BigCommerce store "
                        + context.config().getString("storeHash")))
                .recover(e -> Future.succeededFuture(CheckResult.failed(e.getMessage() == null ? e.toString() : e.getMessage())));
    }

    @Override
    public void register(ConnectionContext context, HandlerRegistry registry) {
        BigCommerceClient client = client(context);
        registry.source("orders", OrderSource.orders(client));
        registry.source("order-status-changes", OrderSource.statusChanges(client));
        registry.mapper("orders", JsonObject.class, Order.class, new OrderMapper());
        registry.mapper("order-status-changes", JsonObject.class, OrderStatusChange.class, new StatusChangeMapper());
        registry.sink("shipments", Shipment.class, new ShipmentSink(context, client));
        registry.sink("order-status", OrderStatusChange.class, new OrderStatusSink(context, client));
        registry.sink("inventory", InventoryLevel.class, new InventorySink(context, client));
        registry.webhooks(new OrderWebhooks(context.state(), client));
        registry.referenceData("order-statuses", () -> client.getList("/v2/order_statuses", Map.of()).map(list -> {
            List<Choice> choices = new ArrayList<>();
            list.forEach(o -> {
                JsonObject s = (JsonObject) o;
                String label = s.getString("custom_label", s.getString("name"));
                choices.add(new Choice(String.valueOf(s.getValue("id")), label));
            });
            return choices;
        }));
        registry.referenceData("shipping-providers", () -> Future.succeededFuture(List.of(
                new Choice("", "None (tracking carrier only)"), new Choice("auspost", "Australia Post"),
                new Choice("canadapost", "Canada Post"), new Choice("endicia", "Endicia"), new Choice("usps", "USPS"),
                new Choice("fedex", "FedEx"), new Choice("royalmail", "Royal Mail"), new Choice("ups", "UPS"),
                new Choice("upsready", "UPS Ready"), new Choice("upsonline", "UPS Online"), new Choice("shipperhq", "ShipperHQ"))));
    }

    static BigCommerceClient client(ConnectionContext context) {
        BigCommerceConfig config = BigCommerceConfig.from(context.config());
        return new BigCommerceClient(context.http().client(config.limiterKey(), new BigCommerceRateLimitPolicy()), config);
    }
}
