package dev.junction.plugin.starshipit;

import dev.junction.api.CheckResult;
import dev.junction.api.ConfigField;
import dev.junction.api.ConfigSchema;
import dev.junction.api.ConnectionContext;
import dev.junction.api.Connector;
import dev.junction.api.ConnectorDescriptor;
import dev.junction.api.HandlerRegistry;
import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.Choice;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.Shipment;
import dev.junction.plugin.starshipit.client.StarshipitClient;
import dev.junction.plugin.starshipit.client.StarshipitConfig;
import dev.junction.plugin.starshipit.orders.OrderSink;
import dev.junction.plugin.starshipit.shipments.ShipmentMapper;
import dev.junction.plugin.starshipit.shipments.ShipmentsSource;
import dev.junction.plugin.starshipit.shipments.TrackingWebhooks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.pf4j.Extension;

import java.util.List;
import java.util.Map;

/**
 * The Starshipit connector: fulfilments go in as Starshipit orders (sink {@code orders}); printed labels come
 * back as shipments with tracking (source {@code shipments}: tracking webhook plus a poll of shipped orders).
 */
@Extension
public final class StarshipitConnector implements Connector {
    public static final String ID = "starshipit";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.secret("apiKey", "StarShipIT-Api-Key, from Settings > API in Starshipit"),
            ConfigField.secret("subscriptionKey", "Ocp-Apim-Subscription-Key (the subscription key), from Settings > API"),
            ConfigField.optional("baseUrl", ConfigField.Type.URL,
                    "API host; leave empty for " + StarshipitConfig.DEFAULT_BASE_URL + " (set it for the sandbox)", null),
            ConfigField.optionalSecret("webhookSecret", "The secret set on the tracking webhook in Settings > Tracking & "
                    + "notifications; when set, calls without a matching X-Starshipit-Signature are refused"),
            ConfigField.optional("requestsPerSecond", ConfigField.Type.INTEGER, "Requests per second your Starshipit "
                    + "subscription allows: 2 on Developer, 20 on an approved Production subscription",
                    String.valueOf(StarshipitConfig.DEFAULT_REQUESTS_PER_SECOND)));

    /** Carrier codes Starshipit accepts in {@code carrier}, for the {@code starshipit-carriers} table's choices. */
    static final List<Choice> CARRIERS = List.of(new Choice("AusPost", "Australia Post"), new Choice("NZPost", "NZ Post"),
            new Choice("CourierPost", "CourierPost"), new Choice("DHL", "DHL Express"), new Choice("UPS", "UPS"),
            new Choice("PlainLabel", "Plain label (no carrier)"));

    @Override
    public ConnectorDescriptor descriptor() {
        return new ConnectorDescriptor(ID, "Starshipit", "0.1.0", SCHEMA);
    }

    @Override
    public Future<CheckResult> check(ConnectionContext context) {
        StarshipitClient client;
        try {
            client = new StarshipitClient(context.http(), StarshipitConfig.from(context.config()));
        } catch (PermanentException e) {
            return Future.succeededFuture(CheckResult.failed(e.getMessage()));
        }
        return client.get("/orders/unshipped", Map.of("limit", "1"))
                .map(b -> CheckResult.ok("Starshipit at " + client.config().baseUrl() + " accepted both API keys"))
                .recover(e -> Future.succeededFuture(CheckResult.failed(e instanceof PermanentException ? e.getMessage()
                        : "Could not reach Starshipit at " + client.config().baseUrl() + ": check 'baseUrl' and the hub's "
                        + "network, then try again (" + e.getMessage() + ")")));
    }

    @Override
    public void register(ConnectionContext context, HandlerRegistry registry) {
        StarshipitConfig config = StarshipitConfig.from(context.config());
        StarshipitClient client = new StarshipitClient(context.http(), config);
        registry.sink("orders", Fulfilment.class, new OrderSink(context, client));
        registry.source("shipments", new ShipmentsSource(client));
        registry.mapper("shipments", JsonObject.class, Shipment.class, new ShipmentMapper());
        registry.webhooks(new TrackingWebhooks(config.webhookSecret()));
        registry.referenceData("carriers", () -> Future.succeededFuture(CARRIERS));
    }
}
