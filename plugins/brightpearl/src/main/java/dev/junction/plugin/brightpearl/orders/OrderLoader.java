package dev.junction.plugin.brightpearl.orders;

import dev.junction.api.mapping.Choice;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.mapping.Payloads;
import dev.junction.plugin.brightpearl.support.ReferenceData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads orders in ≤200-id batches and makes self-contained payloads: each order with its products' custom
 * fields (customs data) and its shipping method's name, three requests per batch whatever its size.
 */
public final class OrderLoader {
    private final BrightpearlConnection bp;

    public OrderLoader(BrightpearlConnection bp) {
        this.bp = bp;
    }

    /** Raw orders by id (unknown ids are simply absent: Brightpearl answers them with an empty list). */
    public Future<Map<Long, JsonObject>> orders(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return bp.client().getList("/order-service/order/", ids, "?includeOptional=customFields").map(arr -> {
            Map<Long, JsonObject> out = new LinkedHashMap<>();
            for (Object o : arr) {
                JsonObject order = (JsonObject) o;
                out.put(BpJson.longId(order.getValue("id")), order);
            }
            return out;
        });
    }

    /** Custom fields of the products on these orders, keyed by product id. */
    public Future<JsonObject> productCustomFields(Collection<JsonObject> orders) {
        Set<Long> productIds = new TreeSet<>();
        for (JsonObject order : orders) {
            JsonObject rows = order.getJsonObject("orderRows", new JsonObject());
            for (String rowId : rows.fieldNames()) {
                Long pid = BpJson.longId(rows.getJsonObject(rowId).getValue("productId"));
                if (pid != null) {
                    productIds.add(pid);
                }
            }
        }
        if (productIds.isEmpty()) {
            return Future.succeededFuture(new JsonObject());
        }
        return bp.client().getMap("/product-service/product-custom-field/", productIds, "");
    }

    /** {@code orders} stream payloads, in the order of {@code ids}. */
    public Future<List<JsonObject>> payloads(List<Long> ids) {
        return orders(ids).compose(orders -> productCustomFields(orders.values())
                .compose(cf -> bp.reference().choices(ReferenceData.SHIPPING_METHODS).map(methods -> ids.stream()
                        .filter(orders::containsKey)
                        .map(id -> payload(orders.get(id), cf, methods,
                                orders.get(id).getJsonObject("delivery", new JsonObject()).getValue("shippingMethodId")))
                        .toList())));
    }

    /** A payload with the custom fields of just this order's products. */
    public static JsonObject payload(JsonObject order, JsonObject allCustomFields, List<Choice> methods, Object methodId) {
        JsonObject cf = new JsonObject();
        JsonObject rows = order.getJsonObject("orderRows", new JsonObject());
        for (String rowId : rows.fieldNames()) {
            String pid = BpJson.id(rows.getJsonObject(rowId).getValue("productId"));
            if (pid != null && allCustomFields.getJsonObject(pid) != null) {
                cf.put(pid, allCustomFields.getJsonObject(pid));
            }
        }
        JsonObject p = new JsonObject().put(Payloads.ORDER, order).put(Payloads.CUSTOM_FIELDS, cf);
        String mid = BpJson.id(methodId);
        methods.stream().filter(m -> m.id().equals(mid)).findFirst()
                .ifPresent(m -> p.put(Payloads.SHIPPING_METHOD_NAME, m.label()));
        return p;
    }
}
