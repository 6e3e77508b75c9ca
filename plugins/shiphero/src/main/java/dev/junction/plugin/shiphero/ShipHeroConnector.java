package dev.junction.plugin.shiphero;

import dev.junction.api.CheckResult;
import dev.junction.api.ConfigField;
import dev.junction.api.ConfigSchema;
import dev.junction.api.ConnectionContext;
import dev.junction.api.Connector;
import dev.junction.api.ConnectorDescriptor;
import dev.junction.api.HandlerRegistry;
import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.model.Shipment;
import dev.junction.plugin.shiphero.client.ShipHeroConfig;
import dev.junction.plugin.shiphero.inventory.InventoryMapper;
import dev.junction.plugin.shiphero.inventory.InventorySource;
import dev.junction.plugin.shiphero.orders.OrderSink;
import dev.junction.plugin.shiphero.shipments.ShipmentMapper;
import dev.junction.plugin.shiphero.shipments.ShipmentsSource;
import dev.junction.plugin.shiphero.webhooks.ShipHeroWebhooks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.pf4j.Extension;

/**
 * The ShipHero connector: ShipHero is the warehouse. Goods-out notes go in as orders ({@code orders} sink);
 * shipments ({@code shipments}) and stock ({@code inventory}) come back. Reference data {@code warehouses}
 * fills the pickers of the {@code shiphero-warehouses} table.
 */
@Extension
public final class ShipHeroConnector implements Connector {
    public static final String ID = "shiphero";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.required("username", ConfigField.Type.STRING,
                    "E-mail of the ShipHero user the hub signs in as (an API user under My Account > Users is best)"),
            ConfigField.secret("password", "That ShipHero user's password; the hub trades it for API tokens it renews itself"),
            ConfigField.optional("baseUrl", ConfigField.Type.URL,
                    "ShipHero API address; change only for the sandbox", ShipHeroConfig.DEFAULT_BASE_URL));

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "ShipHero", "0.1.0", SCHEMA);
    }

    @Override
    public Future<CheckResult> check(ConnectionContext context) {
        ShipHeroConnection sh;
        try {
            sh = ShipHeroConnection.open(context);
        } catch (PermanentException e) {
            return Future.succeededFuture(CheckResult.failed(e.getMessage()));
        }
        ShipHeroConfig config = sh.client().config();
        return sh.warehouses().all()
                .map(ws -> CheckResult.ok("ShipHero accepted user '" + config.username() + "' and lists " + ws.size()
                        + " warehouse(s): " + ws.stream().map(w -> w.getString("identifier")).toList()))
                .recover(e -> Future.succeededFuture(CheckResult.failed(e instanceof PermanentException ? e.getMessage()
                        : "Could not reach ShipHero at " + config.baseUrl() + " (" + e.getMessage()
                        + "); check the hub's network and the base URL")));
    }

    @Override
    public void register(ConnectionContext context, HandlerRegistry registry) {
        ShipHeroConnection sh = ShipHeroConnection.open(context);
        registry.sink("orders", Fulfilment.class, new OrderSink(sh));
        registry.source("shipments", new ShipmentsSource(sh.client()));
        registry.source("inventory", new InventorySource(sh.client()));
        registry.mapper("shipments", JsonObject.class, Shipment.class, new ShipmentMapper());
        registry.mapper("inventory", JsonObject.class, InventoryLevel.class, new InventoryMapper());
        registry.webhooks(new ShipHeroWebhooks(sh.client(), context.state()));
        registry.referenceData("warehouses", sh.warehouses()::choices);
    }
}
