package dev.junction.plugin.brightpearl.goodsout;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Shipment;
import dev.junction.api.model.ShipmentPackage;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.orders.OrderFinder;
import dev.junction.plugin.brightpearl.orders.OrderNotes;
import dev.junction.plugin.brightpearl.orders.OrderStatusSink;
import dev.junction.plugin.brightpearl.support.ReferenceData;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code shipments}: writes tracking back. Option {@code writeBack}: {@code goods-out-note} (default) updates
 * the shipment's own goods-out note (its {@code fulfilmentId}): shipping reference = first tracking number
 * (Brightpearl keeps 64 characters; the rest go in an order note), shipping method, boxes = packages, then
 * the SHW shipped event, which also marks it printed, picked and packed. A note already shipped is left
 * alone, so a replay changes nothing. {@code order} adds an order note with the tracking (unless the order
 * already has that note) and moves the order to option {@code status} (default Completed).
 */
public final class ShipmentSink implements SinkHandler<Shipment> {
    static final int REFERENCE_MAX = 64;

    private final BrightpearlConnection bp;
    private final GonLoader gons;
    private final OrderFinder orders;
    private final OrderStatusSink statuses;
    private final OrderNotes notes;

    public ShipmentSink(BrightpearlConnection bp, OrderStatusSink statuses) {
        this.bp = bp;
        this.gons = new GonLoader(bp);
        this.orders = new OrderFinder(bp);
        this.statuses = statuses;
        this.notes = new OrderNotes(bp);
    }

    @Override
    public Future<SinkResult> write(SinkRequest<Shipment> request) {
        String mode = request.options().getString("writeBack", "goods-out-note");
        return switch (mode) {
            case "goods-out-note" -> toGoodsOutNote(request);
            case "order" -> toOrder(request);
            default -> Future.failedFuture(new PermanentException(
                    "option 'writeBack' must be goods-out-note or order, got '" + mode + "'"));
        };
    }

    private Future<SinkResult> toGoodsOutNote(SinkRequest<Shipment> request) {
        Shipment s = request.record();
        String gonText = s.fulfilmentId();
        if (gonText == null || !gonText.trim().matches("\\d+")) {
            return Future.failedFuture(new PermanentException("shipment " + s.id() + " does not name the Brightpearl "
                    + "goods-out note it ships (fulfilmentId); use writeBack: order for order-level shipments"));
        }
        long gonId = Long.parseLong(gonText.trim());
        return gons.notes(List.of(gonId)).compose(map -> {
            JsonObject gon = map.getJsonObject(String.valueOf(gonId));
            if (gon == null) {
                return Future.failedFuture(new PermanentException("Brightpearl has no goods-out note " + gonId));
            }
            if (Boolean.TRUE.equals(gon.getJsonObject("status", new JsonObject()).getBoolean("shipped"))) {
                return Future.succeededFuture(SinkResult.alreadyPresent(String.valueOf(gonId),
                        "goods-out note " + gonId + " is already shipped"));
            }
            long orderId = BpJson.longId(gon.getValue("orderId")) == null ? 0 : BpJson.longId(gon.getValue("orderId"));
            List<String> tracking = trackingNumbers(s);
            return shippingMethod(s).compose(methodId -> {
                JsonObject shipping = new JsonObject().put("boxes", Math.max(1, s.packages().size()));
                if (!tracking.isEmpty()) {
                    shipping.put("reference", truncate(tracking.get(0)));
                }
                methodId.ifPresent(id -> shipping.put("shippingMethodId", id));
                return bp.client().put("/warehouse-service/goods-note/goods-out/" + gonId,
                        new JsonObject().put("priority", gon.getBoolean("priority", false)).put("shipping", shipping));
            }).compose(v -> extraTrackingNote(orderId, gonId, tracking))
                    .compose(v -> bp.client().post("/warehouse-service/goods-note/goods-out/" + gonId + "/event",
                            new JsonObject().put("events", new JsonArray().add(shippedEvent(s, request.options())))))
                    .map(v -> SinkResult.updated(String.valueOf(gonId), "goods-out note " + gonId + " shipped"
                            + (tracking.isEmpty() ? "" : " with tracking " + String.join(", ", tracking)))
                            .withFacts(facts(tracking, orderId)));
        });
    }

    private Future<SinkResult> toOrder(SinkRequest<Shipment> request) {
        Shipment s = request.record();
        String orderRef = s.orderId() != null ? s.orderId() : s.fulfilmentId();
        String target = request.options().getString("status", "Completed");
        List<String> tracking = trackingNumbers(s);
        return bp.reference().resolve(ReferenceData.STATUSES, "sales order status", target)
                .compose(statusId -> orders.find(request, orderRef, s.orderReference(), true).compose(orderId ->
                        orders.order(orderId).compose(order -> {
                            if (order.isEmpty()) {
                                return Future.failedFuture(new PermanentException("Brightpearl has no order " + orderId));
                            }
                            Long current = BpJson.longId(order.get().getJsonObject("orderStatus", new JsonObject()).getValue("orderStatusId"));
                            if (current != null && current.longValue() == statusId) {
                                return Future.succeededFuture(SinkResult.alreadyPresent(String.valueOf(orderId),
                                        "order " + orderId + " is already at status " + target));
                            }
                            // the note first, then the status (the status is what makes a replay a no-op); a
                            // re-run after a failure between the two finds the note and does not add it again
                            return notes.addOnce(orderId, note(s, tracking))
                                    .compose(v -> statuses.apply(orderId, statusId, target))
                                    .map(r -> SinkResult.updated(String.valueOf(orderId), "order " + orderId + " shipped"
                                            + (tracking.isEmpty() ? "" : " with tracking " + String.join(", ", tracking))
                                            + ", status " + target).withFacts(facts(tracking, orderId)));
                        })));
    }

    /** The package's method, else its carrier: a Brightpearl method of that exact name, else table shipping-methods. */
    private Future<Optional<Long>> shippingMethod(Shipment s) {
        ShipmentPackage first = s.packages().isEmpty() ? null : s.packages().get(0);
        if (first == null) {
            return Future.succeededFuture(Optional.empty());
        }
        return bp.reference().exactName(ReferenceData.SHIPPING_METHODS, first.method()).compose(exact -> {
            if (exact.isPresent()) {
                return Future.succeededFuture(exact);
            }
            Optional<String> mapped = Optional.ofNullable(first.method()).flatMap(m -> bp.ctx().mappings().lookup("shipping-methods", m))
                    .or(() -> Optional.ofNullable(first.carrier()).flatMap(c -> bp.ctx().mappings().lookup("shipping-methods", c)));
            return mapped.isEmpty() ? Future.succeededFuture(Optional.empty())
                    : bp.reference().resolve(ReferenceData.SHIPPING_METHODS, "shipping method", mapped.get()).map(Optional::of);
        });
    }

    private Future<Boolean> extraTrackingNote(long orderId, long gonId, List<String> tracking) {
        boolean needed = tracking.size() > 1 || (!tracking.isEmpty() && tracking.get(0).length() > REFERENCE_MAX);
        if (!needed || orderId == 0) {
            return Future.succeededFuture(false);
        }
        // a failure before the shipped event leaves the note unshipped, so the re-run comes here again
        return notes.addOnce(orderId, "Goods-out note " + gonId + " tracking numbers: " + String.join(", ", tracking));
    }

    private static JsonObject shippedEvent(Shipment s, JsonObject options) {
        JsonObject e = new JsonObject().put("eventCode", "SHW")
                .put("occured", (s.shippedAt() != null ? s.shippedAt() : Instant.EPOCH).toString());
        Object owner = options.getValue("eventOwnerId", options.getValue("staffOwnerId"));
        if (owner != null) {
            e.put("eventOwnerId", Long.parseLong(owner.toString().trim()));
        }
        if (s.shippedAt() == null) {
            e.remove("occured"); // Brightpearl stamps it
        }
        return e;
    }

    static List<String> trackingNumbers(Shipment s) {
        return s.packages().stream().map(ShipmentPackage::trackingNumber).filter(Objects::nonNull)
                .map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static String truncate(String t) {
        return t.length() <= REFERENCE_MAX ? t : t.substring(0, REFERENCE_MAX);
    }

    private static String note(Shipment s, List<String> tracking) {
        ShipmentPackage first = s.packages().isEmpty() ? null : s.packages().get(0);
        String via = first == null ? "" : " via " + (first.carrier() != null ? first.carrier() : "")
                + (first.method() != null ? " " + first.method() : "");
        return "Shipped" + via.stripTrailing() + (tracking.isEmpty() ? "" : "; tracking: " + String.join(", ", tracking));
    }

    private static Map<String, String> facts(List<String> tracking, long orderId) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orderId", String.valueOf(orderId));
        if (!tracking.isEmpty()) {
            f.put("tracking", String.join(", ", tracking));
        }
        return f;
    }
}
