package dev.junction.plugin.bigcommerce.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.model.OrderStatusChange;
import dev.junction.plugin.bigcommerce.client.BcDates;
import io.vertx.core.json.JsonObject;

/** A BigCommerce order (from the {@code order-status-changes} stream) to the status it is now in. */
public final class StatusChangeMapper implements MappingHandler<JsonObject, OrderStatusChange> {

    @Override
    public OrderStatusChange map(JsonObject order, MappingContext context) {
        Object id = order.getValue("id");
        String status = PartyMapper.text(order, "status");
        if (id == null || status == null) {
            throw new PermanentException("BigCommerce order payload lacks 'id' or 'status'; cannot read its status");
        }
        return new OrderStatusChange(String.valueOf(id), String.valueOf(id), status,
                BcDates.parse(order.getString("date_modified")));
    }
}
