package dev.junction.plugin.dropstream.orders;

import dev.junction.api.ConnectionContext;
import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.dropstream.api.DropStreamApi;
import dev.junction.plugin.dropstream.sftp.SftpGateway;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code orders}: a Brightpearl goods-out note (or order, in order mode) becomes one DSFX order file in the
 * warehouse's {@code /in}. Sink options:
 * <ul>
 *   <li>{@code warehouses}: Brightpearl warehouse ids this flow sends, {@code ;}-separated; a fulfilment from
 *       another warehouse is skipped (the flow usually scopes already; this is the guard);</li>
 *   <li>{@code skuAliasTable} (default {@code dropstream-sku-aliases}): Brightpearl SKU → warehouse SKU, for
 *       listings whose SKUs differ; unmapped SKUs go as they are;</li>
 *   <li>{@code shippingMethodTable} (default {@code dropstream-shipping-methods}): Brightpearl shipping method
 *       → warehouse method code; unmapped → the table's default, else option {@code defaultShippingMethod}
 *       (default {@code UPS_GROUND}).</li>
 * </ul>
 * Looks before it writes — the hub's link, DropStream's {@code GET /orders?external_id=}, then the
 * {@code /in} folders ({@link OrderFileWriter}) — so a re-send after a crash never makes a second order.
 */
public final class OrderSink implements SinkHandler<Fulfilment> {
    public static final String SKU_TABLE = "dropstream-sku-aliases";
    public static final String METHOD_TABLE = "dropstream-shipping-methods";
    public static final String DEFAULT_METHOD = "UPS_GROUND";

    private final ConnectionContext ctx;
    private final DropStreamApi api;
    private final SftpGateway sftp;
    private final OrderFileWriter writer;

    public OrderSink(ConnectionContext ctx, DropStreamApi api, SftpGateway sftp, String inFolder, OrderFileWriter.Hook hook) {
        this.ctx = ctx;
        this.api = api;
        this.sftp = sftp;
        this.writer = new OrderFileWriter(inFolder, hook);
    }

    @Override
    public Future<SinkResult> write(SinkRequest<Fulfilment> request) {
        Fulfilment f = request.record();
        JsonObject options = request.options();
        String scope = options.getString("warehouses");
        if (scope != null && !scope.isBlank()) {
            List<String> allowed = Arrays.stream(scope.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (f.warehouse() == null || !allowed.contains(f.warehouse().trim())) {
                return Future.succeededFuture(SinkResult.skipped("goods-out note " + f.id() + " is for Brightpearl warehouse "
                        + f.warehouse() + ", which this flow does not send to DropStream (option warehouses: " + scope + ")"));
            }
        }
        String method = shippingMethod(f, options);
        String skuTable = options.getString("skuAliasTable", SKU_TABLE);
        String orderNumber = request.idempotencyKey();
        OrderFile file;
        try {
            file = OrderFile.build(f, orderNumber, method, sku -> ctx.mappings().lookup(skuTable, sku)
                    .map(String::trim).filter(s -> !s.isEmpty()).orElse(sku), ctx.clock().instant());
        } catch (PermanentException e) {
            return Future.failedFuture(e);
        }
        Map<String, String> facts = facts(f, method, file);
        if (request.linkedId().isPresent()) {
            return Future.succeededFuture(SinkResult.alreadyPresent(request.linkedId().get(),
                    "already sent to DropStream as order " + request.linkedId().get()).withFacts(facts));
        }
        return api.orderByExternalId(orderNumber).compose(found -> {
            if (found.isPresent()) {
                facts.put("dropstreamOrder", String.valueOf(found.get().getValue("id")));
                return Future.succeededFuture(SinkResult.alreadyPresent(orderNumber, "DropStream already has order "
                        + orderNumber + " (DropStream id " + found.get().getValue("id") + ")").withFacts(facts));
            }
            return sftp.run(s -> writer.write(s, file)).map(r -> {
                facts.put("file", r.folder() + "/" + r.file());
                if (r.staleRemoved() > 0) {
                    ctx.logger().info("removed {} unfinished upload(s) of order {} from {}", r.staleRemoved(), orderNumber,
                            "the inbox");
                }
                if (!r.written()) {
                    return SinkResult.alreadyPresent(orderNumber, "order file " + r.file() + " for " + orderNumber
                            + " is already in " + r.folder()).withFacts(facts);
                }
                return SinkResult.created(orderNumber, "wrote order file " + r.file() + " for goods-out note " + f.id()
                        + (f.orderReference() == null ? "" : " of order " + f.orderReference())).withFacts(facts);
            });
        });
    }

    private String shippingMethod(Fulfilment f, JsonObject options) {
        String table = options.getString("shippingMethodTable", METHOD_TABLE);
        return ctx.mappings().lookupOrDefault(table, f.shippingMethod()).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(options.getString("defaultShippingMethod", DEFAULT_METHOD));
    }

    private static Map<String, String> facts(Fulfilment f, String method, OrderFile file) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "orderNumber", file.orderNumber());
        put(facts, "orderReference", f.orderReference());
        put(facts, "orderId", f.orderId());
        put(facts, "goodsOutNote", f.id());
        put(facts, "brightpearlWarehouse", f.warehouse());
        put(facts, "shippingMethod", method);
        put(facts, "total", f.orderTotal() == null ? null : f.orderTotal().toString());
        if (!file.aliases().isEmpty()) {
            facts.put("skuAliases", String.join(", ", file.aliases()));
        }
        return facts;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
