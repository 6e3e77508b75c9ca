package dev.junction.plugin.brightpearl.orders;

import dev.junction.api.error.PermanentException;
import dev.junction.api.sink.SinkRequest;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the Brightpearl order a status change or shipment is about: the hub's link, a link from the
 * source's order, the id itself when it already is a Brightpearl order id, else the customer reference.
 */
public final class OrderFinder {
    private final BrightpearlConnection bp;

    public OrderFinder(BrightpearlConnection bp) {
        this.bp = bp;
    }

    public Future<Long> find(SinkRequest<?> request, String orderId, String reference, boolean idIsOurs) {
        if (request.linkedId().isPresent()) {
            return Future.succeededFuture(Long.parseLong(request.linkedId().get()));
        }
        Future<Optional<String>> linked = orderId == null || request.source() == null ? Future.succeededFuture(Optional.empty())
                : bp.ctx().links().find("order", request.source().connectionId(), orderId, bp.ctx().connectionId());
        return linked.compose(l -> {
            if (l.isPresent()) {
                return Future.succeededFuture(Long.parseLong(l.get()));
            }
            if (idIsOurs && orderId != null && orderId.matches("\\d+")) {
                return Future.succeededFuture(Long.parseLong(orderId));
            }
            return byReference(reference).map(found -> found.orElseThrow(() -> new PermanentException(
                    "no Brightpearl order found for order " + orderId + (reference == null ? "" : " (reference '" + reference + "')")
                            + ": sync the order to Brightpearl first, or check its customer reference")));
        });
    }

    private Future<Optional<Long>> byReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("customerRef", reference);
        return bp.client().search(OrdersSource.SEARCH, filters, 1, 50).map(page -> page.rows().stream()
                .filter(r -> reference.equals(String.valueOf(r.getValue("customerRef"))))
                .map(r -> BpJson.longId(r.getValue("orderId"))).findFirst());
    }

    /** The order, or empty when Brightpearl has none with this id (it answers an empty list). */
    public Future<Optional<JsonObject>> order(long id) {
        return bp.client().get("/order-service/order/" + id)
                .map(v -> v instanceof JsonArray a && !a.isEmpty() ? Optional.of(a.getJsonObject(0)) : Optional.empty());
    }
}
