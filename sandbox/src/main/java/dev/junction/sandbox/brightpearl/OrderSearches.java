package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import static dev.junction.sandbox.brightpearl.Search.Type.IDSET;
import static dev.junction.sandbox.brightpearl.Search.Type.INTEGER;
import static dev.junction.sandbox.brightpearl.Search.Type.PERIOD;
import static dev.junction.sandbox.brightpearl.Search.Type.STRING;
import static dev.junction.sandbox.brightpearl.Search.col;

/** {@code order-search} and {@code sales-order-search}, with the live API's column order. */
final class OrderSearches {
    private final BpState state;
    private final Search<Order> orderSearch;
    private final Search<Order> salesOrderSearch;

    OrderSearches(BpState state) {
        this.state = state;
        this.orderSearch = new Search<Order>(List.of(
                col("orderId", IDSET, o -> o.id), col("orderTypeId", INTEGER, o -> 1),
                col("contactId", INTEGER, o -> o.customerId), col("orderStatusId", INTEGER, o -> o.statusId),
                col("orderStockStatusId", INTEGER, OrderJson::stockStatusId), col("createdOn", PERIOD, o -> o.createdOn),
                col("createdById", INTEGER, o -> 4), col("customerRef", STRING, o -> o.reference),
                col("orderPaymentStatusId", INTEGER, o -> 1), col("updatedOn", PERIOD, o -> o.updatedOn),
                col("parentOrderId", INTEGER, o -> 0), col("orderShippingStatusId", INTEGER, OrderJson::shippingStatusId),
                col("externalRef", STRING, o -> o.externalRef),
                col("installedIntegrationInstanceId", INTEGER, o -> o.installedIntegrationInstanceId),
                col("warehouseId", INTEGER, o -> o.warehouseId), col("staffOwnerContactId", INTEGER, o -> o.staffOwnerId),
                col("taxDate", PERIOD, o -> o.taxDate), col("departmentId", INTEGER, o -> 0),
                col("deliveryDate", PERIOD, o -> o.deliveryDate)))
                .indexed("orderId", Search.byIds(state.orders)).indexed("externalRef", this::byExternalRef);
        this.salesOrderSearch = new Search<Order>(List.of(
                col("salesOrderId", IDSET, o -> o.id), col("customerId", INTEGER, o -> o.customerId),
                col("orderStatusId", INTEGER, o -> o.statusId), col("orderStockStatus", STRING, o -> o.stockStatusCode),
                col("createdOn", PERIOD, o -> o.createdOn), col("createdById", INTEGER, o -> 4),
                col("customerRef", STRING, o -> o.reference), col("orderPaymentStatus", STRING, o -> "UNPAID"),
                col("updatedOn", PERIOD, o -> o.updatedOn), col("orderShippingStatus", STRING, o -> o.shippingStatusCode),
                col("externalRef", STRING, o -> o.externalRef),
                col("installedIntegrationInstanceId", INTEGER, o -> o.installedIntegrationInstanceId),
                col("warehouseId", INTEGER, o -> o.warehouseId), col("staffOwnerId", INTEGER, o -> o.staffOwnerId),
                col("taxDate", PERIOD, o -> o.taxDate), col("channelId", INTEGER, o -> o.channelId),
                col("deliveryDate", PERIOD, o -> o.deliveryDate)))
                .indexed("salesOrderId", Search.byIds(state.orders)).indexed("externalRef", this::byExternalRef);
    }

    /** Orders whose externalRef equals {@code value} ignoring case, whatever their integration instance. */
    private Collection<Order> byExternalRef(String value) {
        List<Long> ids = state.ordersByRef.get(value.trim().toLowerCase(Locale.ROOT));
        if (ids == null) {
            return List.of();
        }
        List<Order> out = new ArrayList<>();
        synchronized (ids) {
            for (Long id : ids) {
                Order o = state.orders.get(id);
                if (o != null) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    void routes(BpRoutes r) {
        r.get("/order-service/order-search", req -> new BpHttp.Raw(200,
                orderSearch.run(state.orders.values(), req.queryParams(), reference(), state)));
        r.get("/order-service/sales-order-search", req -> new BpHttp.Raw(200,
                salesOrderSearch.run(state.orders.values(), req.queryParams(), reference(), state)));
    }

    private JsonObject reference() {
        JsonObject names = new JsonObject();
        state.orderStatuses.forEach((id, s) -> names.put(id.toString(), s.getString("name")));
        return new JsonObject().put("orderStatusNames", names)
                .put("orderTypeNames", new JsonObject().put("1", "SALES_ORDER"))
                .put("orderStockStatusNames", new JsonObject().put("1", "Not fulfilled").put("2", "Partially fulfilled")
                        .put("3", "Fulfilled").put("4", "Not applicable"))
                .put("orderShippingStatusNames", new JsonObject().put("1", "Not shipped").put("2", "Shipped, not sent")
                        .put("3", "Partially shipped").put("4", "All shipped"))
                .put("orderPaymentStatusNames", new JsonObject().put("1", "UNPAID"));
    }
}
