package dev.junction.plugin.bigcommerce.orders;

import dev.junction.api.ConnectionContext;
import dev.junction.api.error.PermanentException;
import dev.junction.api.error.SkipException;
import dev.junction.api.model.OrderStatusChange;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.bigcommerce.client.BigCommerceClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Optional;

/**
 * Moves a BigCommerce order to the status a back-office status maps to. Table {@code order-statuses} maps
 * the incoming status name to a BigCommerce status id or name; unmapped statuses use the table's default,
 * then the flow option {@code defaultStatus}, else the change is skipped (most back-office statuses mean
 * nothing to the store). Writing the status the order already has is a no-op.
 */
public final class OrderStatusSink implements SinkHandler<OrderStatusChange> {

    public static final String TABLE = "order-statuses";
    public static final String DEFAULT_OPTION = "defaultStatus";
    /** Flow option naming the mapping table, default {@link #TABLE}. */
    public static final String TABLE_OPTION = "statusTable";

    private final ConnectionContext ctx;
    private final BigCommerceClient client;
    private final OrderLocator locator;

    public OrderStatusSink(ConnectionContext ctx, BigCommerceClient client) {
        this.ctx = ctx;
        this.client = client;
        this.locator = new OrderLocator(ctx, client);
    }

    @Override
    public Future<SinkResult> write(SinkRequest<OrderStatusChange> request) {
        OrderStatusChange change = request.record();
        // per-direction tables let status sync run both ways without one direction's names leaking into the other
        String table = request.options().getString(TABLE_OPTION, TABLE);
        Optional<String> target = ctx.mappings().lookupOrDefault(table, change.status())
                .or(() -> Optional.ofNullable(request.options().getString(DEFAULT_OPTION)).filter(s -> !s.isBlank()));
        if (target.isEmpty()) {
            return Future.failedFuture(new SkipException("status '" + change.status() + "' is not mapped to a BigCommerce "
                    + "status (table '" + table + "') and the flow has no '" + DEFAULT_OPTION + "'"));
        }
        return resolve(target.get()).compose(statusId -> locator.locate(request, change.orderId(), change.orderReference())
                .compose(found -> {
                    if (found.isEmpty()) {
                        return Future.failedFuture(new SkipException("no BigCommerce order for order " + change.orderId()
                                + " (reference " + change.orderReference() + ")"));
                    }
                    OrderLocator.Located order = found.get();
                    if (Integer.valueOf(statusId).equals(order.order().getInteger("status_id"))) {
                        return Future.succeededFuture(SinkResult.alreadyPresent(order.id(),
                                "BigCommerce order " + order.id() + " is already " + order.order().getString("status")));
                    }
                    return client.put("/v2/orders/" + order.id(), new JsonObject().put("status_id", statusId))
                            .map(updated -> SinkResult.updated(order.id(), "BigCommerce order " + order.id() + " set to "
                                    + updated.getString("status", OrderStatuses.all().get(statusId)))
                                    .withFacts(Map.of("statusId", Integer.toString(statusId))));
                }));
    }

    /** A mapped value is a status id, a system name, or a store's custom label (looked up in BigCommerce). */
    private Future<Integer> resolve(String value) {
        Optional<Integer> known = OrderStatuses.idOf(value);
        if (known.isPresent()) {
            return Future.succeededFuture(known.get());
        }
        return client.getList("/v2/order_statuses", Map.of()).compose(statuses -> {
            for (Object o : statuses) {
                JsonObject s = (JsonObject) o;
                for (String field : new String[]{"name", "custom_label", "system_label"}) {
                    String label = s.getString(field);
                    if (label != null && OrderStatuses.normalise(label).equals(OrderStatuses.normalise(value))) {
                        return Future.succeededFuture(s.getInteger("id"));
                    }
                }
            }
            return Future.failedFuture(new PermanentException("'" + value + "' (table '" + TABLE + "') is not a "
                    + "BigCommerce order status; use an id 0-14 or a status name shown in BigCommerce"));
        });
    }

}
