package dev.junction.plugin.brightpearl.mapping;

import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * A sales order that reached the flow's status (the {@code orders} source filtered by e.g. "Shipped") as a
 * canonical {@link Shipment} of all its product lines: the fulfilment trigger "sales order status" of
 * BrightConnect, for merchants who mark orders shipped rather than goods-out notes. Brightpearl keeps no
 * tracking number on the order itself, so the package has none; the store's shipment sink ships whatever
 * quantities are still unshipped. Pure.
 */
public final class OrderShipmentMapper implements MappingHandler<JsonObject, Shipment> {

    @Override
    public Shipment map(JsonObject payload, MappingContext context) {
        Fulfilment f = FulfilmentMapper.fromOrder(payload, context);
        List<ShipmentLine> lines = f.lines().stream()
                .filter(l -> l.sku() != null)
                .map(l -> new ShipmentLine(l.sku(), l.orderLineId(), l.quantity())).toList();
        ShipmentPackage pkg = new ShipmentPackage(null, null, f.shippingMethod(), null, lines);
        return new Shipment("order-" + f.orderId(), null, f.orderId(), f.orderReference(), f.warehouse(), f.createdAt(),
                List.of(pkg), true);
    }
}
