package dev.junction.plugin.brightpearl.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentLine;
import dev.junction.api.model.ShipmentPackage;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.List;

/**
 * A shipped goods-out note (the {@code shipped-goods-out-notes} payload, same shape as a goods-out note) as a
 * canonical {@link Shipment}: the GON's shipping reference is the tracking number of one package holding its
 * lines. The GON id is both the shipment's id and its fulfilment id, the order id its order. Pure.
 */
public final class ShipmentMapper implements MappingHandler<JsonObject, Shipment> {

    @Override
    public Shipment map(JsonObject payload, MappingContext context) {
        Fulfilment f = FulfilmentMapper.fromGoodsOutNote(payload, context);
        JsonObject gon = payload.getJsonObject(Payloads.GON);
        JsonObject status = gon.getJsonObject("status", new JsonObject());
        if (!Boolean.TRUE.equals(status.getBoolean("shipped"))) {
            throw new PermanentException("goods-out note " + f.id() + " is not shipped yet");
        }
        Instant shippedAt = BpJson.instant(status.getValue("shippedOn"));
        String tracking = BpJson.text(gon.getJsonObject("shipping", new JsonObject()), "reference");
        List<ShipmentLine> lines = f.lines().stream()
                .map(l -> new ShipmentLine(l.sku(), l.orderLineId(), l.quantity())).toList();
        ShipmentPackage pkg = new ShipmentPackage(tracking, null, f.shippingMethod(), null, lines);
        return new Shipment(f.id(), f.id(), f.orderId(), f.orderReference(), f.warehouse(),
                shippedAt != null ? shippedAt : f.createdAt(), List.of(pkg), true);
    }
}
