package dev.junction.plugin.dropstream.shipments;

import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.plugin.dropstream.files.Problem;
import dev.junction.plugin.dropstream.orders.OrderSink;
import dev.junction.plugin.dropstream.support.SkuAliases;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ShipmentPayload} as a canonical {@link Shipment}, pure. The fulfilment id is the part of the order
 * number after its last {@code :} (the order number is the hub's idempotency key {@code <connection>:<id>},
 * written by the {@code orders} sink); the Brightpearl order id is the order's {@code customer_reference}.
 * One package: tracking number, carrier, and the service as method. Line SKUs go back through the SKU-alias
 * table, and line numbers are the Brightpearl order-row ids the order file used. Orders Junction did not send
 * and lines of a file that could not be read are skipped with the reason.
 */
public final class ShipmentMapper implements MappingHandler<JsonObject, Shipment> {

    @Override
    public Shipment map(JsonObject p, MappingContext context) {
        Problem problem = Problem.of(p);
        if (problem != null) {
            throw new SkipException(problem.describe());
        }
        String order = p.getString("order_number", "");
        int colon = order.lastIndexOf(':');
        if (colon <= 0 || colon == order.length() - 1) {
            throw new SkipException("DropStream order '" + order + "' was not sent by Junction (its order number names no "
                    + "goods-out note), so its shipment is not synced back");
        }
        String fulfilmentId = order.substring(colon + 1);
        SkuAliases skus = SkuAliases.of(context.tables(), context.options().getString("skuAliasTable", OrderSink.SKU_TABLE));
        List<ShipmentLine> lines = new ArrayList<>();
        p.getJsonArray("lines").forEach(o -> {
            JsonObject l = (JsonObject) o;
            lines.add(new ShipmentLine(skus.ours(l.getString("sku")), String.valueOf(l.getInteger("line_number")),
                    BigDecimal.valueOf(l.getInteger("quantity", 0))));
        });
        String tracking = p.getString("tracking_number", "");
        ShipmentPackage pack = new ShipmentPackage(tracking.isEmpty() ? null : tracking, emptyToNull(p.getString("carrier")),
                emptyToNull(p.getString("service")), null, lines);
        String id = order + "|" + (tracking.isEmpty() ? p.getString("shipped_at") : tracking);
        return new Shipment(id, fulfilmentId, emptyToNull(p.getString("customer_reference")), null, null,
                Instant.parse(p.getString("shipped_at")), List.of(pack), p.getBoolean("completes_order", false));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
