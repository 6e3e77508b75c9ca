package dev.junction.plugin.brightpearl.goodsout;

import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.mapping.Payloads;
import dev.junction.plugin.brightpearl.orders.OrderLoader;
import dev.junction.plugin.brightpearl.support.ReferenceData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds self-contained goods-out note payloads: the GON, its order (delivery party, rows with SKUs,
 * reference, total), its products' custom fields (customs data) and its shipping method's name. Batched:
 * notes, their orders and their products each cost one request per ≤200 ids.
 */
public final class GonLoader {
    private final BrightpearlConnection bp;
    private final OrderLoader orders;

    public GonLoader(BrightpearlConnection bp) {
        this.bp = bp;
        this.orders = new OrderLoader(bp);
    }

    /** The raw notes by id ({@code *} as the order set: we know the notes, not necessarily their orders). */
    public Future<JsonObject> notes(Collection<Long> gonIds) {
        if (gonIds.isEmpty()) {
            return Future.succeededFuture(new JsonObject());
        }
        return bp.client().getMap("/warehouse-service/order/*/goods-note/goods-out/", gonIds, "");
    }

    /** Payloads in the order of {@code gonIds}; transfers (no order) and unknown ids are left out. */
    public Future<List<JsonObject>> payloads(List<Long> gonIds) {
        return notes(gonIds).compose(notes -> {
            Set<Long> orderIds = new TreeSet<>();
            for (String id : notes.fieldNames()) {
                Long orderId = BpJson.longId(notes.getJsonObject(id).getValue("orderId"));
                if (orderId != null) {
                    orderIds.add(orderId);
                }
            }
            return orders.orders(orderIds).compose(byId -> orders.productCustomFields(byId.values())
                    .compose(cf -> bp.reference().choices(ReferenceData.SHIPPING_METHODS)
                            .map(methods -> gonIds.stream()
                                    .filter(id -> notes.getJsonObject(String.valueOf(id)) != null)
                                    .map(id -> build(id, notes.getJsonObject(String.valueOf(id)), byId, cf, methods))
                                    .filter(p -> p != null)
                                    .toList())));
        });
    }

    private static JsonObject build(long gonId, JsonObject gon, Map<Long, JsonObject> orders, JsonObject cf,
                                    List<dev.junction.api.mapping.Choice> methods) {
        JsonObject order = orders.get(BpJson.longId(gon.getValue("orderId")));
        if (order == null) {
            return null;
        }
        Object methodId = gon.getJsonObject("shipping", new JsonObject()).getValue("shippingMethodId");
        JsonObject p = OrderLoader.payload(order, cf, methods, methodId);
        return p.put(Payloads.GON_ID, String.valueOf(gonId)).put(Payloads.GON, gon);
    }
}
