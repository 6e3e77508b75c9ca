package dev.junction.plugin.brightpearl.sales;

import dev.junction.api.error.RetryableException;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.api.model.Party;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.plugin.brightpearl.BrightpearlConnection;
import dev.junction.plugin.brightpearl.client.BrightpearlFailure;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import dev.junction.plugin.brightpearl.support.ProductLookup;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sales-orders}: creates a Brightpearl sales order from a canonical {@link Order}, at most once. It
 * looks before it creates: the hub's link, then an order whose {@code externalRef} is the hub's idempotency
 * key, so a crash between Brightpearl's create and the hub's commit finds the order instead of making a
 * second. The create is one atomic {@code POST /sales-order}; the customer's message becomes an order note
 * and the gift message a custom field.
 */
public final class SalesOrderSink implements SinkHandler<Order> {
    private final BrightpearlConnection bp;
    private final ContactResolver contacts;
    private final ProductLookup products;
    private final SalesOrderBody body;

    public SalesOrderSink(BrightpearlConnection bp, ContactResolver contacts, ProductLookup products) {
        this.bp = bp;
        this.contacts = contacts;
        this.products = products;
        this.body = new SalesOrderBody(bp);
    }

    @Override
    public Future<SinkResult> write(SinkRequest<Order> request) {
        return existing(request).compose(found -> found.isPresent()
                ? Future.succeededFuture(SinkResult.alreadyPresent(String.valueOf(found.get()),
                "sales order " + found.get() + " already exists for " + request.idempotencyKey()))
                : create(request));
    }

    /**
     * The hub's link first (one cheap GET), then Brightpearl's own externalRef search — skipped on the
     * record's first hand-over ever, when nothing can have been created yet (one call saved per order, of
     * Brightpearl's 200 a minute); the create itself still turns a duplicate-externalRef refusal into a find.
     */
    Future<Optional<Long>> existing(SinkRequest<Order> request) {
        if (request.linkedId().isEmpty() && request.attempt() == 1) {
            return Future.succeededFuture(Optional.empty());
        }
        Future<Optional<Long>> linked = request.linkedId().map(id -> bp.client().get("/order-service/order/" + Long.parseLong(id))
                .map(v -> v instanceof JsonArray a && !a.isEmpty() ? Optional.of(Long.parseLong(id)) : Optional.<Long>empty()))
                .orElse(Future.succeededFuture(Optional.empty()));
        return linked.compose(hit -> hit.isPresent() ? Future.succeededFuture(hit) : byExternalRef(request.idempotencyKey()));
    }

    Future<Optional<Long>> byExternalRef(String externalRef) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("externalRef", externalRef);
        return bp.client().search("/order-service/order-search", filters, 1, 50).map(page -> page.rows().stream()
                .filter(r -> externalRef.equals(String.valueOf(r.getValue("externalRef"))))
                .map(r -> BpJson.longId(r.getValue("orderId"))).findFirst());
    }

    private Future<SinkResult> create(SinkRequest<Order> request) {
        Order order = request.record();
        JsonObject options = request.options();
        OrderTexts.validate(options);
        boolean block = options.getBoolean("blockContactUpdates", false);
        List<String> skus = order.lines().stream().filter(l -> l.type() == LineType.PRODUCT && l.sku() != null)
                .map(OrderLine::sku).toList();
        // Both at once: either may wait for an index refresh, and neither needs the other.
        Future<ContactResolver.Resolved> resolved = contacts.resolve(order.customer() != null ? order.customer() : order.billing(), block);
        Future<Map<String, Long>> found = products.findAll(options.getString("productKey", "SKU"), skus);
        return Future.all(resolved, found).compose(both -> {
            ContactResolver.Resolved contact = resolved.result();
            Map<String, Long> productIds = found.result();
            return body.build(request, contact.contactId(), productIds)
                    .compose(b -> post(b, request.idempotencyKey(), contact.contactId(), customerEmail(order)))
                    .compose(posted -> posted.existing()
                            ? Future.succeededFuture(SinkResult.alreadyPresent(String.valueOf(posted.orderId()),
                            "sales order " + posted.orderId() + " already exists for " + request.idempotencyKey()))
                            : afterCreate(posted.orderId(), order, options).map(v -> result(posted.orderId(),
                            contact, productIds, skus, orderIdFacts(order))));
        });
    }

    /** The order the create answered with; {@code existing} when Brightpearl already had one for the key. */
    private record Posted(long orderId, boolean existing) {
    }

    /**
     * Posts the order. Brightpearl refuses a second order with the same externalRef; that refusal (a
     * concurrent twin, or a repeat whose search was skipped) is answered with the order that exists. Any other
     * refusal may be a customer deleted or merged away in Brightpearl since the connector's contact index last
     * saw it: one {@code GET /contact/{id}} tells (404), and then the contact is forgotten and the write retried,
     * which looks the customer up again.
     */
    private Future<Posted> post(JsonObject b, String externalRef, long contactId, String email) {
        return bp.client().post("/order-service/sales-order", b).map(id -> new Posted(Long.parseLong(String.valueOf(id)), false))
                .recover(e -> {
                    if (!(e instanceof BrightpearlFailure f) || f.status() != 400) {
                        return Future.failedFuture(e);
                    }
                    if (String.valueOf(e.getMessage()).toLowerCase().contains("externalref")) {
                        return byExternalRef(externalRef).compose(found -> found.isPresent()
                                ? Future.succeededFuture(new Posted(found.get(), true)) : Future.failedFuture(e));
                    }
                    return bp.client().getIfExists("/contact-service/contact/" + contactId).transform(ar -> {
                        if (ar.failed() || ar.result().isPresent()) {
                            return Future.failedFuture(e);
                        }
                        contacts.forget(contactId, email);
                        return Future.failedFuture(new RetryableException("Brightpearl contact " + contactId + " for "
                                + email + " no longer exists (deleted or merged): the customer is looked up again on retry",
                                null, e));
                    });
                });
    }

    private static String customerEmail(Order order) {
        Party p = order.customer() != null ? order.customer() : order.billing();
        return p == null ? null : p.email();
    }

    private Future<Void> afterCreate(long orderId, Order order, JsonObject options) {
        OrderTexts.Plan texts = OrderTexts.plan(order, options);
        Future<Object> note = Future.succeededFuture();
        for (String text : texts.notes()) {
            note = note.compose(v -> bp.client().post("/order-service/order/" + orderId + "/note",
                    new JsonObject().put("text", text).put("isPublic", false)));
        }
        JsonArray ops = texts.customFieldOps().copy();
        String giftField = options.getString("giftMessageField");
        if (giftField != null && order.giftMessage() != null && !order.giftMessage().isBlank()) {
            ops.add(new JsonObject().put("op", "add").put("path", "/" + giftField).put("value", order.giftMessage()));
        }
        order.customFields().forEach((code, value) -> {
            if (code.startsWith("PCF_")) {
                ops.add(new JsonObject().put("op", "add").put("path", "/" + code).put("value", value));
            }
        });
        return note.compose(v -> ops.isEmpty() ? Future.succeededFuture()
                : bp.client().patch("/order-service/order/" + orderId + "/custom-field", ops)).mapEmpty();
    }

    private static Map<String, String> orderIdFacts(Order order) {
        Map<String, String> facts = new LinkedHashMap<>();
        if (order.reference() != null) {
            facts.put("reference", order.reference());
        }
        if (order.total() != null) {
            facts.put("total", order.total().toString());
        }
        return facts;
    }

    private SinkResult result(long orderId, ContactResolver.Resolved contact, Map<String, Long> productIds,
                              List<String> skus, Map<String, String> facts) {
        Map<String, String> all = new LinkedHashMap<>(facts);
        all.put("contactId", String.valueOf(contact.contactId()));
        all.put("contact", contact.created() ? "created" : contact.updated() ? "updated" : "reused");
        List<String> unmatched = skus.stream().filter(s -> !productIds.containsKey(s)).distinct().toList();
        if (!unmatched.isEmpty()) {
            all.put("unmatchedSkus", String.join(", ", unmatched));
        }
        String msg = "created sales order " + orderId + (unmatched.isEmpty() ? ""
                : " (no Brightpearl product for " + unmatched + ": added as free-text rows)");
        return SinkResult.created(String.valueOf(orderId), msg).withFacts(all);
    }
}
