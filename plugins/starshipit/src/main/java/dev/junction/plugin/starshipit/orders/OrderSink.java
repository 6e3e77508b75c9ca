package dev.junction.plugin.starshipit.orders;

import dev.junction.api.ConnectionContext;
import dev.junction.api.error.PermanentException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.starshipit.client.StarshipitClient;
import dev.junction.plugin.starshipit.client.StarshipitRejection;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code orders}: one Starshipit order per {@link Fulfilment}, whether the flow sends whole Brightpearl orders
 * (order mode) or goods-out notes (GON mode); {@link OrderKeys} says how each is named.
 *
 * <p>Never twice: before creating, the order the hub linked (if any), then Starshipit's search for the
 * reference, are checked; a 409 on create (the order number is taken) is resolved by reading that order,
 * which is ours when its reference matches.
 *
 * <p>Starshipit's validation refusals (address, items) fail the record with Starshipit's own message. Nothing
 * was created, so once the merchant corrects the order in Brightpearl and imports it again (or retries after
 * fixing a carrier mapping), the same key creates it.
 */
public final class OrderSink implements SinkHandler<Fulfilment> {
    private final ConnectionContext ctx;
    private final StarshipitClient client;

    public OrderSink(ConnectionContext ctx, StarshipitClient client) {
        this.ctx = ctx;
        this.client = client;
    }

    @Override
    public Future<SinkResult> write(SinkRequest<Fulfilment> request) {
        Fulfilment f = request.record();
        OrderKeys keys;
        JsonObject body;
        try {
            keys = OrderKeys.of(f, request.idempotencyKey());
            body = OrderBody.build(f, keys, ctx.mappings());
        } catch (PermanentException e) {
            return Future.failedFuture(e);
        }
        return existing(request.linkedId(), keys).compose(found -> found.isPresent()
                ? Future.succeededFuture(present(found.get(), keys))
                : create(f, keys, body));
    }

    private Future<Optional<JsonObject>> existing(Optional<String> linkedId, OrderKeys keys) {
        Future<Optional<JsonObject>> linked = linkedId.isEmpty() ? Future.succeededFuture(Optional.empty())
                : client.find("/orders", Map.of("order_id", linkedId.get())).map(o -> o.map(b -> b.getJsonObject("order"))
                .filter(o2 -> o2 != null && keys.reference().equals(o2.getString("reference"))));
        return linked.compose(hit -> hit.isPresent() ? Future.succeededFuture(hit) : searchByReference(keys.reference()));
    }

    /** Starshipit's search matches references too; only an exact reference match is ours. */
    private Future<Optional<JsonObject>> searchByReference(String reference) {
        return client.get("/orders/search", Map.of("phrase", reference, "limit", "50")).compose(body -> {
            JsonArray orders = body.getJsonArray("orders", new JsonArray());
            for (Object o : orders) {
                JsonObject hit = (JsonObject) o;
                if (reference.equals(hit.getString("reference"))) {
                    return Future.succeededFuture(Optional.of(hit));
                }
            }
            // Documented search results may leave the reference out: read candidates whole to compare.
            List<JsonObject> unknown = orders.stream().map(JsonObject.class::cast)
                    .filter(h -> !h.containsKey("reference") && h.getValue("order_id") != null).toList();
            return firstWithReference(unknown, 0, reference);
        });
    }

    private Future<Optional<JsonObject>> firstWithReference(List<JsonObject> candidates, int i, String reference) {
        if (i >= candidates.size()) {
            return Future.succeededFuture(Optional.empty());
        }
        return byId(candidates.get(i).getValue("order_id").toString()).compose(o -> o.isPresent()
                && reference.equals(o.get().getString("reference")) ? Future.succeededFuture(o)
                : firstWithReference(candidates, i + 1, reference));
    }

    private Future<Optional<JsonObject>> byId(String id) {
        return client.find("/orders", Map.of("order_id", id)).map(o -> o.map(b -> b.getJsonObject("order")));
    }

    private Future<SinkResult> create(Fulfilment f, OrderKeys keys, JsonObject order) {
        return client.exchange(HttpMethod.POST, "/orders", Map.of(), new JsonObject().put("order", order)).compose(reply -> {
            if (reply.status() == 409) {
                return duplicateNumber(keys);
            }
            return StarshipitClient.require("POST /orders", reply)
                    .recover(e -> Future.failedFuture(explain(e, keys)))
                    .map(body -> {
                        JsonObject made = body.getJsonObject("order", new JsonObject());
                        String id = String.valueOf(made.getValue("order_id"));
                        ctx.metrics().increment("starshipit.orders.created");
                        return SinkResult.created(id, "created Starshipit order " + keys.orderNumber() + " (id " + id + ")")
                                .withFacts(facts(keys, order));
                    });
        });
    }

    /** The order number is taken: ours after a crash between create and commit, or another order's. */
    private Future<SinkResult> duplicateNumber(OrderKeys keys) {
        return client.find("/orders", Map.of("order_number", keys.orderNumber())).compose(found -> {
            JsonObject o = found.map(b -> b.getJsonObject("order")).orElse(null);
            if (o != null && keys.reference().equals(o.getString("reference"))) {
                return Future.succeededFuture(present(o, keys));
            }
            return Future.failedFuture(new PermanentException("Starshipit already has an order numbered "
                    + keys.orderNumber() + (o == null ? "" : " (order id " + o.getValue("order_id") + ", reference "
                    + o.getString("reference") + ")") + " that Junction did not send for this record: archive or renumber "
                    + "that order in Starshipit, then retry"));
        });
    }

    private static SinkResult present(JsonObject o, OrderKeys keys) {
        String id = String.valueOf(o.getValue("order_id"));
        return SinkResult.alreadyPresent(id, "Starshipit order " + o.getString("order_number", keys.orderNumber())
                + " (id " + id + ") already exists for " + keys.reference());
    }

    /** Starshipit's own words first, then what the merchant does about them. */
    private static Throwable explain(Throwable e, OrderKeys keys) {
        if (!(e instanceof StarshipitRejection r) || r.status() != 400 || r.errors().isEmpty()) {
            return e;
        }
        return new PermanentException("Starshipit rejected order " + keys.orderNumber() + ": " + String.join("; ", r.errors())
                + ". Correct it in Brightpearl (delivery address, product SKU, HS code or weight), then import the "
                + (keys.goodsOutNoteMode() ? "goods-out note" : "order") + " again or retry this record", e);
    }

    private static Map<String, String> facts(OrderKeys keys, JsonObject order) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("orderNumber", keys.orderNumber());
        facts.put("reference", keys.reference());
        facts.put("carrier", order.getString("carrier", "(Starshipit rules)"));
        if (order.getString("carrier_service_code") != null) {
            facts.put("carrierService", order.getString("carrier_service_code"));
        }
        facts.put("items", String.valueOf(order.getJsonArray("items").size()));
        return facts;
    }
}
