package dev.junction.plugin.brightpearl.orders;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.OrderStatusChange;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.support.ReferenceData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Optional;

/**
 * {@code order-status}: moves a Brightpearl order to the status mapped from the source's (table option
 * {@code statusTable}, default {@code order-statuses}), else to option {@code status} (default Completed; a
 * name or an id) — or, with option {@code unmapped: skip}, leaves it alone. Status sync in both directions
 * uses {@code skip} with its own table per direction, so a status echoed back by the other system that this
 * direction does not map stops here instead of becoming Completed. An order already there is left alone.
 */
public final class OrderStatusSink implements SinkHandler<OrderStatusChange> {
    private final BrightpearlConnection bp;
    private final OrderFinder finder;

    public OrderStatusSink(BrightpearlConnection bp) {
        this.bp = bp;
        this.finder = new OrderFinder(bp);
    }

    @Override
    public Future<SinkResult> write(SinkRequest<OrderStatusChange> request) {
        OrderStatusChange change = request.record();
        String table = request.options().getString("statusTable", "order-statuses");
        Optional<String> mapped = change.status() == null ? Optional.empty() : bp.ctx().mappings().lookup(table, change.status());
        if (mapped.isEmpty() && "skip".equals(request.options().getString("unmapped", "default"))) {
            return Future.failedFuture(new dev.junction.api.error.SkipException("status '" + change.status()
                    + "' is not mapped to a Brightpearl status (table '" + table + "'), so the order is left as it is"));
        }
        String target = mapped.orElse(request.options().getString("status", "Completed"));
        boolean ours = request.source() != null && bp.ctx().connectionId().equals(request.source().connectionId());
        return bp.reference().resolve(ReferenceData.STATUSES, "sales order status", target)
                .compose(statusId -> finder.find(request, change.orderId(), change.orderReference(), ours)
                        .compose(orderId -> apply(orderId, statusId, target)));
    }

    public Future<SinkResult> apply(long orderId, long statusId, String target) {
        return finder.order(orderId).compose(order -> {
            if (order.isEmpty()) {
                return Future.failedFuture(new PermanentException("Brightpearl has no order " + orderId));
            }
            Long current = BpJson.longId(order.get().getJsonObject("orderStatus", new JsonObject()).getValue("orderStatusId"));
            if (current != null && current == statusId) {
                return Future.succeededFuture(SinkResult.alreadyPresent(String.valueOf(orderId),
                        "order " + orderId + " is already at status " + target));
            }
            return bp.client().put("/order-service/order/" + orderId + "/status", new JsonObject().put("orderStatusId", statusId))
                    .map(v -> SinkResult.updated(String.valueOf(orderId), "order " + orderId + " moved to status " + target)
                            .withFacts(Map.of("status", target, "statusId", String.valueOf(statusId))));
        });
    }
}
