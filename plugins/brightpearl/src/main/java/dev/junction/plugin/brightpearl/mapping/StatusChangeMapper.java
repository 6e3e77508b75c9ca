package dev.junction.plugin.brightpearl.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.OrderStatusChange;
import io.vertx.core.json.JsonObject;

/**
 * An {@code order-status-changes} payload ({@code {orderId, reference, orderStatusId, orderStatusName,
 * updatedOn}}) as an {@link OrderStatusChange} carrying the status name (status maps translate names). Pure.
 */
public final class StatusChangeMapper implements MappingHandler<JsonObject, OrderStatusChange> {

    @Override
    public OrderStatusChange map(JsonObject p, MappingContext context) {
        String orderId = BpJson.id(p.getValue("orderId"));
        if (orderId == null) {
            throw new PermanentException("order status change payload has no orderId");
        }
        String status = BpJson.text(p, "orderStatusName");
        if (status == null) {
            status = BpJson.id(p.getValue("orderStatusId"));
        }
        return new OrderStatusChange(orderId, BpJson.text(p, "reference"), status, BpJson.instant(p.getValue("updatedOn")));
    }
}
