package dev.junction.plugin.bigcommerce.shipments;

import dev.junction.api.ConnectionContext;
import dev.junction.api.error.PermanentException;
import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import dev.junction.plugin.bigcommerce.orders.OrderLocator;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a back-office shipment (tracking) to the BigCommerce order it belongs to. One BigCommerce shipment
 * per package (it holds one tracking number), items matched by SKU. Idempotent: a package whose tracking
 * number is already on the order is not sent again, and nothing is sent for items already shipped.
 * BigCommerce moves the order to Partially Shipped or Shipped itself; the result reports which.
 *
 * <p>Mapping tables: {@code shipping-providers} (carrier → BigCommerce {@code shipping_provider} such as
 * {@code ups}) and {@code carriers} (carrier → tracking carrier slug), each with an optional default.
 */
public final class ShipmentSink implements SinkHandler<Shipment> {

    static final String PROVIDERS = "shipping-providers";
    static final String CARRIERS = "carriers";

    private final ConnectionContext ctx;
    private final BigCommerceClient client;
    private final OrderLocator locator;

    public ShipmentSink(ConnectionContext ctx, BigCommerceClient client) {
        this.ctx = ctx;
        this.client = client;
        this.locator = new OrderLocator(ctx, client);
    }

    @Override
    public Future<SinkResult> write(SinkRequest<Shipment> request) {
        Shipment shipment = request.record();
        if (request.linkedId().isPresent()) {
            return Future.succeededFuture(SinkResult.alreadyPresent(request.linkedId().get(),
                    "already sent as BigCommerce shipment " + request.linkedId().get()));
        }
        return locator.locate(request, shipment.orderId(), shipment.orderReference()).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new SkipException("no BigCommerce order for order " + shipment.orderId()
                        + " (reference " + shipment.orderReference() + "): it did not come from this store"));
            }
            return ship(shipment, found.get());
        });
    }

    private Future<SinkResult> ship(Shipment shipment, OrderLocator.Located located) {
        String orderId = located.id();
        String base = "/v2/orders/" + orderId;
        Future<JsonArray> products = client.getAllPages(base + "/products", Map.of());
        Future<JsonArray> addresses = client.getAllPages(base + "/shipping_addresses", Map.of());
        Future<JsonArray> existing = client.getAllPages(base + "/shipments", Map.of());
        return Future.all(products, addresses, existing).compose(done -> {
            List<JsonObject> productList = objects(products.result());
            List<JsonObject> addressList = objects(addresses.result());
            if (addressList.isEmpty()) {
                return Future.failedFuture(new SkipException("BigCommerce order " + orderId + " has no shipping address (digital or pickup order)"));
            }
            Map<String, String> tracked = trackingNumbers(objects(existing.result()));
            List<ShipmentPackage> toSend = new ArrayList<>();
            List<String> alreadySent = new ArrayList<>();
            for (ShipmentPackage pkg : shipment.packages()) {
                String number = pkg.trackingNumber() == null ? "" : pkg.trackingNumber().trim();
                if (!number.isEmpty() && tracked.containsKey(number)) {
                    alreadySent.add(tracked.get(number));
                } else {
                    toSend.add(pkg);
                }
            }
            List<ShipmentPackage> packages = shipment.packages().isEmpty() && shipment.complete()
                    ? List.of(new ShipmentPackage(null, null, null, null, List.of())) : toSend;
            ShipmentPlanner planner = new ShipmentPlanner(productList, addressList.get(0).getInteger("id"));
            ShipmentPlanner.Plan plan = planner.plan(packages, shipment.complete() || packages.size() == 1);
            if (!plan.anyLineMatched() && !plan.unmatchedSkus().isEmpty()) {
                String message = "none of the shipped SKUs " + plan.unmatchedSkus() + " is on BigCommerce order " + orderId;
                return Future.failedFuture(located.via() == OrderLocator.Via.LINK
                        ? new PermanentException(message + "; ship them in BigCommerce by hand or fix the SKUs")
                        : new SkipException(message + " (found by reference only, so probably another channel's order)"));
            }
            if (plan.shipments().isEmpty()) {
                String remote = alreadySent.isEmpty() ? lastShipmentId(existing.result(), orderId) : alreadySent.get(0);
                return Future.succeededFuture(SinkResult.alreadyPresent(remote,
                        alreadySent.isEmpty() ? "items already shipped on BigCommerce order " + orderId
                                : "tracking already on BigCommerce order " + orderId + " (shipment " + alreadySent.get(0) + ")"));
            }
            return create(orderId, plan).compose(ids -> client.getObject(base, Map.of()).map(order -> {
                String status = order.map(o -> o.getString("status")).orElse("");
                Map<String, String> facts = new LinkedHashMap<>();
                facts.put("bigcommerceOrder", orderId);
                facts.put("orderStatus", status);
                facts.put("shipments", String.join(",", ids));
                if (!plan.unmatchedSkus().isEmpty()) {
                    facts.put("unmatchedSkus", String.join(",", plan.unmatchedSkus()));
                }
                return SinkResult.created(String.join(",", ids), "created BigCommerce shipment " + String.join(", ", ids)
                        + " on order " + orderId + "; order is now " + status).withFacts(facts);
            }));
        });
    }

    private Future<List<String>> create(String orderId, ShipmentPlanner.Plan plan) {
        List<String> ids = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (ShipmentPlanner.Planned planned : plan.shipments()) {
            chain = chain.compose(v -> client.post("/v2/orders/" + orderId + "/shipments", body(planned))
                    .map(created -> {
                        ids.add(String.valueOf(created.getValue("id")));
                        return null;
                    }));
        }
        return chain.map(v -> ids);
    }

    JsonObject body(ShipmentPlanner.Planned planned) {
        ShipmentPackage pkg = planned.pkg();
        MappingTables tables = ctx.mappings();
        String carrier = pkg.carrier();
        String provider = lookup(tables, PROVIDERS, carrier, pkg.method());
        String trackingCarrier = lookup(tables, CARRIERS, carrier, pkg.method());
        JsonObject body = new JsonObject()
                .put("order_address_id", planned.orderAddressId())
                .put("items", planned.itemsJson())
                .put("shipping_provider", provider)
                .put("tracking_carrier", trackingCarrier);
        if (pkg.trackingNumber() != null && !pkg.trackingNumber().isBlank()) {
            body.put("tracking_number", truncate(pkg.trackingNumber().trim(), 50));
        }
        String method = pkg.method() != null ? pkg.method() : carrier;
        if (method != null && !method.isBlank()) {
            body.put("shipping_method", method);
        }
        // Without a known provider or carrier BigCommerce builds no link; the warehouse's own link still helps.
        if (provider.isEmpty() && trackingCarrier.isEmpty() && pkg.trackingUrl() != null && !pkg.trackingUrl().isBlank()) {
            body.put("tracking_link", truncate(pkg.trackingUrl().trim(), 500));
        }
        return body;
    }

    private static String lookup(MappingTables tables, String table, String carrier, String method) {
        if (carrier != null && !carrier.isBlank()) {
            var hit = tables.lookup(table, carrier.trim());
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        if (method != null && !method.isBlank()) {
            var hit = tables.lookup(table, method.trim());
            if (hit.isPresent()) {
                return hit.get();
            }
        }
        return tables.defaultValue(table).orElse("");
    }

    private static Map<String, String> trackingNumbers(List<JsonObject> shipments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonObject s : shipments) {
            String number = s.getString("tracking_number");
            if (number != null && !number.isBlank()) {
                out.put(number.trim(), String.valueOf(s.getValue("id")));
            }
        }
        return out;
    }

    private static String lastShipmentId(JsonArray shipments, String orderId) {
        Set<Integer> ids = new TreeSet<>();
        for (JsonObject s : objects(shipments)) {
            ids.add(s.getInteger("id"));
        }
        return ids.isEmpty() ? "order-" + orderId : String.valueOf(((TreeSet<Integer>) ids).last());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> out = new ArrayList<>();
        array.forEach(o -> out.add((JsonObject) o));
        return out;
    }
}
