package dev.junction.plugin.bigcommerce.orders;

import dev.junction.api.ConnectionContext;
import dev.junction.api.sink.SinkRequest;
import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Optional;

/**
 * Finds the BigCommerce order a back-office record is about: first through the hub's id link (the order
 * was imported by Junction), then by the order reference, which is the BigCommerce order number for
 * orders that came from this store.
 */
public final class OrderLocator {

    /** How the order was found; a reference match is weaker (another channel's order may share a number). */
    public enum Via { LINK, REFERENCE }

    public record Located(JsonObject order, Via via) {
        public String id() {
            return String.valueOf(order.getValue("id"));
        }
    }

    private final ConnectionContext ctx;
    private final BigCommerceClient client;

    public OrderLocator(ConnectionContext ctx, BigCommerceClient client) {
        this.ctx = ctx;
        this.client = client;
    }

    public Future<Optional<Located>> locate(SinkRequest<?> request, String orderId, String reference) {
        Future<Optional<String>> linked = orderId == null || request.source() == null
                ? Future.succeededFuture(Optional.empty())
                : ctx.links().find("order", request.source().connectionId(), orderId, ctx.connectionId());
        return linked.compose(link -> {
            if (link.isPresent()) {
                return load(link.get(), Via.LINK);
            }
            String number = reference == null ? "" : reference.trim().replaceFirst("^#", "");
            return number.matches("\\d+") ? load(number, Via.REFERENCE) : Future.succeededFuture(Optional.empty());
        });
    }

    private Future<Optional<Located>> load(String id, Via via) {
        return client.getObject("/v2/orders/" + id, Map.of()).map(o -> o.map(order -> new Located(order, via)));
    }
}
