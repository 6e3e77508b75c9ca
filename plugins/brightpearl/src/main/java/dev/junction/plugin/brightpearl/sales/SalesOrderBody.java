package dev.junction.plugin.brightpearl.sales;

import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.Order;
import dev.junction.api.model.Party;
import dev.junction.api.sink.SinkRequest;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.support.ReferenceData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code POST /order-service/sales-order} body. Defaults come from flow options ({@code channelId},
 * {@code warehouseId}, {@code priceListId}, {@code projectId}, {@code leadSourceId}, {@code staffOwnerId},
 * {@code teamId}) or the default of the same-named mapping table ({@code channels}, {@code warehouses},
 * {@code price-lists}, ...). Shipping method: a Brightpearl method of exactly the store's name, else table
 * {@code shipping-methods}, else option {@code shippingMethodId}. Status: table {@code order-statuses} for the
 * store's status, else option {@code initialStatus} (name or id). Delivery date: placed date plus table
 * {@code delivery-days} (by shipping method) or option {@code deliveryDays}.
 */
final class SalesOrderBody {
    private final BrightpearlConnection bp;

    SalesOrderBody(BrightpearlConnection bp) {
        this.bp = bp;
    }

    Future<JsonObject> build(SinkRequest<Order> request, long contactId, Map<String, Long> productIds) {
        Order order = request.record();
        JsonObject options = request.options();
        MappingTables tables = bp.ctx().mappings();
        return shippingMethod(order, options, tables).compose(methodId -> status(order, options, tables).map(statusId -> {
            JsonObject b = new JsonObject();
            Party primary = "billing".equals(options.getString("primaryAddress")) ? order.billing() : order.delivery();
            b.put("customer", new JsonObject().put("id", contactId).put("address", address(primary != null ? primary : order.customer())));
            if (order.billing() != null) {
                b.put("billing", new JsonObject().put("contactId", contactId).put("address", address(order.billing())));
            }
            b.put("ref", order.reference());
            b.put("externalRef", request.idempotencyKey());
            String instance = bp.config().installedIntegrationInstanceId();
            if (instance != null) {
                b.put("installedIntegrationInstanceId", Long.parseLong(instance));
            }
            if (order.placedAt() != null) {
                b.put("placedOn", order.placedAt().toString());
                b.put("taxDate", order.placedAt().toString());
            }
            statusId.ifPresent(id -> b.put("statusId", id));
            putId(b, "warehouseId", options, tables, "warehouses");
            putId(b, "channelId", options, tables, "channels");
            putId(b, "priceListId", options, tables, "price-lists");
            putId(b, "projectId", options, tables, "projects");
            putId(b, "leadSourceId", options, tables, "lead-sources");
            putId(b, "staffOwnerId", options, tables, "staff-owners");
            putId(b, "teamId", options, tables, "teams");
            b.put("priceModeCode", "EXC");
            b.put("currency", new JsonObject().put("code", order.currency()).put("fixedExchangeRate", true)
                    .put("exchangeRate", (order.exchangeRate() == null ? java.math.BigDecimal.ONE : order.exchangeRate()).toPlainString()));
            JsonObject delivery = new JsonObject();
            if (order.delivery() != null) {
                delivery.put("address", address(order.delivery()));
            }
            methodId.ifPresent(id -> delivery.put("shippingMethodId", id));
            deliveryDays(order, options, tables).ifPresent(days -> delivery.put("date",
                    order.placedAt().atOffset(ZoneOffset.UTC).toLocalDate().plusDays(days).toString()));
            b.put("delivery", delivery);
            JsonArray rows = new JsonArray();
            List<PlannedRow> planned = RowPlanner.plan(order, productIds, tables, options);
            planned.forEach(r -> rows.add(r.toJson()));
            b.put("rows", rows);
            return b;
        }));
    }

    private Future<Optional<Long>> shippingMethod(Order order, JsonObject options, MappingTables tables) {
        return bp.reference().exactName(ReferenceData.SHIPPING_METHODS, order.shippingMethod()).compose(exact -> {
            if (exact.isPresent()) {
                return Future.succeededFuture(exact);
            }
            Optional<String> mapped = order.shippingMethod() == null ? Optional.empty()
                    : tables.lookup("shipping-methods", order.shippingMethod());
            Optional<String> chosen = mapped.or(() -> text(options, "shippingMethodId"))
                    .or(() -> tables.defaultValue("shipping-methods"));
            return chosen.isEmpty() ? Future.succeededFuture(Optional.empty())
                    : bp.reference().resolve(ReferenceData.SHIPPING_METHODS, "shipping method", chosen.get()).map(Optional::of);
        });
    }

    private Future<Optional<Long>> status(Order order, JsonObject options, MappingTables tables) {
        Optional<String> chosen = (order.status() == null ? Optional.<String>empty() : tables.lookup("order-statuses", order.status()))
                .or(() -> text(options, "initialStatus"));
        return chosen.isEmpty() ? Future.succeededFuture(Optional.empty())
                : bp.reference().resolve(ReferenceData.STATUSES, "sales order status", chosen.get()).map(Optional::of);
    }

    private static Optional<Long> deliveryDays(Order order, JsonObject options, MappingTables tables) {
        if (order.placedAt() == null) {
            return Optional.empty();
        }
        Optional<String> days = (order.shippingMethod() == null ? Optional.<String>empty()
                : tables.lookup("delivery-days", order.shippingMethod())).or(() -> text(options, "deliveryDays"));
        return days.map(d -> Long.parseLong(d.trim()));
    }

    private static void putId(JsonObject b, String key, JsonObject options, MappingTables tables, String table) {
        text(options, key).or(() -> tables.defaultValue(table)).ifPresent(v -> b.put(key, Long.parseLong(v.trim())));
    }

    private static Optional<String> text(JsonObject options, String key) {
        Object v = options.getValue(key);
        return v == null || v.toString().isBlank() ? Optional.empty() : Optional.of(v.toString().trim());
    }

    static JsonObject address(Party p) {
        JsonObject a = new JsonObject();
        if (p == null) {
            return a;
        }
        a.put("addressFullName", p.fullName()).put("companyName", p.company()).put("telephone", p.phone()).put("email", p.email());
        if (p.address() != null) {
            a.put("addressLine1", p.address().line1()).put("addressLine2", p.address().line2())
                    .put("addressLine3", p.address().city()).put("addressLine4", p.address().region())
                    .put("postalCode", p.address().postalCode()).put("countryIsoCode", p.address().countryIso2());
        }
        return a;
    }
}
