package dev.junction.plugin.starshipit.shipments;

import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.plugin.starshipit.orders.OrderKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A printed Starshipit order as a canonical {@link Shipment}. Pure.
 *
 * <p>{@code fulfilmentId} comes out of the reference the orders sink wrote ({@code <connection>:<id>}): the
 * goods-out note id in GON mode, the order id in order mode. {@code orderId} is set only when the order
 * number shows order mode (no {@code -<id>} suffix): it is then the same id. In GON mode the Brightpearl
 * sink reads the order from the note itself. One package per tracking number, all carrying the carrier
 * and service; the items ride on the first package (Starshipit does not say which parcel holds what).
 *
 * <p>Orders Junction did not send (no reference of ours) are skipped with the reason, as are those from
 * another source connection when option {@code sourceConnection} names one.
 */
public final class ShipmentMapper implements MappingHandler<JsonObject, Shipment> {

    @Override
    public Shipment map(JsonObject order, MappingContext ctx) {
        String number = order.getString("order_number");
        String reference = order.getString("reference");
        Optional<String> fulfilmentId = OrderKeys.fulfilmentId(reference);
        if (fulfilmentId.isEmpty()) {
            throw new SkipException("Starshipit order " + number + " was not sent by Junction (reference '"
                    + reference + "'), so it names no Brightpearl order to write tracking back to");
        }
        String wanted = ctx.options().getString("sourceConnection");
        String from = OrderKeys.sourceConnection(reference).orElse("");
        if (wanted != null && !wanted.isBlank() && !wanted.equals(from)) {
            throw new SkipException("Starshipit order " + number + " came from connection '" + from + "', not '" + wanted + "'");
        }
        String fid = fulfilmentId.get();
        String orderReference = OrderKeys.orderReference(number, fid);
        boolean orderMode = orderReference.equals(number);
        String carrier = text(order, "carrier_name", "carrier");
        String service = text(order, "carrier_service_code", "carrier_service");
        List<String> tracking = trackingNumbers(order);
        List<ShipmentPackage> packages = new ArrayList<>();
        for (int i = 0; i < tracking.size(); i++) {
            String url = i == 0 ? order.getString("tracking_url") : null;
            packages.add(new ShipmentPackage(tracking.get(i), carrier, service, url, i == 0 ? lines(order) : List.of()));
        }
        return new Shipment(String.valueOf(order.getValue("order_id")), fid, orderMode ? fid : null, orderReference,
                null, ShipmentsSource.instant(order.getString("shipment_date")).orElse(null), packages, true);
    }

    /** Every tracking number, first the order's own, without repeats. */
    static List<String> trackingNumbers(JsonObject order) {
        Set<String> out = new LinkedHashSet<>();
        String main = order.getString("tracking_number");
        if (main != null && !main.isBlank()) {
            out.add(main.trim());
        }
        Object list = order.getValue("tracking_numbers");
        if (list instanceof JsonArray arr) {
            for (Object t : arr) {
                if (t != null && !t.toString().isBlank()) {
                    out.add(t.toString().trim());
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<ShipmentLine> lines(JsonObject order) {
        List<ShipmentLine> lines = new ArrayList<>();
        for (Object o : order.getJsonArray("items", new JsonArray())) {
            JsonObject item = (JsonObject) o;
            Object q = item.getValue("quantity_to_ship", item.getValue("quantity"));
            if (item.getString("sku") != null && q != null) {
                lines.add(new ShipmentLine(item.getString("sku"), null, new BigDecimal(q.toString())));
            }
        }
        return lines;
    }

    private static String text(JsonObject o, String first, String second) {
        String a = o.getString(first);
        return a != null && !a.isBlank() ? a : o.getString(second);
    }
}
