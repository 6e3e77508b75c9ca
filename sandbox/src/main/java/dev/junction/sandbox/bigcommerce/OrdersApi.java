package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import static dev.junction.sandbox.bigcommerce.Replies.guard;

/** v2 orders, their sub-resources and the order statuses. Shipments live in {@link ShipmentsApi}. */
final class OrdersApi {
    private static final List<String> UNSUPPORTED_PUT = List.of("products", "shipping_addresses", "consignments", "fees");

    private final BcStore store;
    private final OrderFactory factory;
    private final OrderEvents events;

    OrdersApi(BcStore store, OrderFactory factory, OrderEvents events) {
        this.store = store;
        this.factory = factory;
        this.events = events;
    }

    void routes(Router router, String v2) {
        router.get(v2 + "/order_statuses").handler(guard(ctx -> Replies.json(ctx, 200, OrderStatuses.all())));
        router.get(v2 + "/order_statuses/:status_id").handler(guard(ctx -> {
            int id = Replies.intParam(ctx, "status_id", -1);
            if (!OrderStatuses.exists(id)) Replies.notFound(ctx);
            else Replies.json(ctx, 200, OrderStatuses.json(id));
        }));
        router.get(v2 + "/orders/count").handler(guard(this::count));
        router.get(v2 + "/orders").handler(guard(this::list));
        router.post(v2 + "/orders").handler(guard(this::create));
        router.get(v2 + "/orders/:order_id").handler(guard(ctx -> {
            Includes includes = Includes.of(ctx);
            withOrder(ctx, o -> Replies.json(ctx, 200, includes.render(o, store.apiBase())));
        }));
        router.put(v2 + "/orders/:order_id").handler(guard(this::update));
        router.get(v2 + "/orders/:order_id/products").handler(guard(ctx -> withOrder(ctx,
                o -> Replies.v2List(ctx, page(ctx, o.products())))));
        router.get(v2 + "/orders/:order_id/products/:line_id").handler(guard(ctx -> withOrder(ctx, o -> {
            int lineId = Replies.intParam(ctx, "line_id", -1);
            o.products().stream().map(JsonObject.class::cast).filter(l -> l.getInteger("id") == lineId).findFirst()
                    .ifPresentOrElse(l -> Replies.json(ctx, 200, l), () -> Replies.notFound(ctx));
        })));
        router.get(v2 + "/orders/:order_id/shipping_addresses").handler(guard(ctx -> withOrder(ctx,
                o -> Replies.v2List(ctx, page(ctx, o.shippingAddresses(store.apiBase()))))));
        router.get(v2 + "/orders/:order_id/coupons").handler(guard(ctx -> withOrder(ctx,
                o -> Replies.v2List(ctx, page(ctx, o.coupons())))));
    }

    private void list(RoutingContext ctx) {
        Replies.Page page = Replies.page(ctx, 50, 250);
        Includes includes = Includes.of(ctx);
        Comparator<BcOrder> order = sort(ctx);
        // a sweep (min_date_modified, sorted by date_modified) reads the by-modified index instead of every order
        String minModified = ctx.request().getParam("min_date_modified");
        Instant from = minModified == null ? null : Formats.parseDate(minModified);
        Collection<BcOrder> base = from == null ? store.ordersView() : store.modifiedFrom(from);
        String sortParam = ctx.request().getParam("sort");
        boolean byModifiedAsc = sortParam != null
                && (sortParam.trim().equals("date_modified") || sortParam.trim().equalsIgnoreCase("date_modified:asc"));
        boolean alreadySorted = from == null ? order == null : byModifiedAsc;
        var stream = base.stream().filter(filter(ctx));
        if (!alreadySorted) {
            stream = stream.sorted(order != null ? order : Comparator.comparingInt(o -> o.id));
        }
        // Lazily: in index order only the orders up to the end of the requested page are tested, so a sweep's
        // page costs its own length, not the whole tail after min_date_modified (which was most of the
        // simulator's CPU at hundreds of orders a second).
        JsonArray out = new JsonArray();
        stream.skip(page.from()).limit(page.limit()).forEachOrdered(o -> out.add(includes.render(o, store.apiBase())));
        Replies.v2List(ctx, out);
    }

    /**
     * The {@code include} and {@code consignment_structure} query parameters of {@code GET /orders} and
     * {@code GET /orders/{id}}: {@code include} is a comma-separated list ({@code style: form, explode: false})
     * of {@code consignments} and {@code consignments.line_items} (which implies the first). Only the object
     * structure is simulated, so an include without {@code consignment_structure=object} is refused rather
     * than answered in a made-up legacy shape; {@code fees} (documented, not modelled) is refused too.
     */
    record Includes(boolean consignments, boolean lineItems) {
        static Includes of(RoutingContext ctx) {
            boolean consignments = false;
            boolean lineItems = false;
            for (String param : ctx.request().params().getAll("include")) {
                for (String value : param.split(",")) {
                    switch (value.trim()) {
                        case "" -> { }
                        case "consignments" -> consignments = true;
                        case "consignments.line_items" -> {
                            consignments = true;
                            lineItems = true;
                        }
                        default -> throw new Formats.BadInput("include '" + value.trim() + "' is not supported by the "
                                + "sandbox (consignments, consignments.line_items)");
                    }
                }
            }
            String structure = ctx.request().getParam("consignment_structure");
            if (structure != null && !structure.equals("object")) {
                throw new Formats.BadInput("consignment_structure must be 'object'");
            }
            if (consignments && structure == null) {
                throw new Formats.BadInput("include=consignments needs consignment_structure=object (the only "
                        + "consignment structure the sandbox simulates)");
            }
            return new Includes(consignments, lineItems);
        }

        JsonObject render(BcOrder order, String apiBase) {
            return order.render(apiBase, consignments, lineItems);
        }
    }

    private void count(RoutingContext ctx) {
        List<BcOrder> matching = store.ordersView().stream().filter(filter(ctx)).toList();
        int[] perStatus = new int[OrderStatuses.count()];
        matching.forEach(o -> perStatus[o.statusId()]++);
        JsonArray statuses = new JsonArray();
        for (int i = 0; i < perStatus.length; i++) {
            statuses.add(OrderStatuses.json(i).put("count", perStatus[i]).put("sort_order", i));
        }
        Replies.json(ctx, 200, new JsonObject().put("statuses", statuses).put("count", matching.size()));
    }

    private void create(RoutingContext ctx) {
        BcOrder order = factory.create(Replies.body(ctx), OrderStatuses.PENDING, "external");
        store.put(order);
        Replies.json(ctx, 200, order.render(store.apiBase()));
        events.created(order.id);
    }

    private void update(RoutingContext ctx) {
        withOrder(ctx, order -> {
            JsonObject body = Replies.body(ctx);
            for (String f : UNSUPPORTED_PUT) {
                if (body.containsKey(f)) throw new Formats.BadInput("The sandbox does not support changing '" + f + "' of an order.");
            }
            Integer statusId = null;
            if (body.containsKey("status_id")) {
                if (!(body.getValue("status_id") instanceof Number n) || !OrderStatuses.exists(n.intValue())) {
                    throw new Formats.BadInput("The field 'status_id' is invalid.");
                }
                statusId = n(body.getValue("status_id"));
            }
            Instant now = store.now();
            int previous;
            synchronized (order) {
                order.merge(body);
                previous = statusId == null ? order.statusId() : order.setStatus(statusId, now);
                order.touch(now);
            }
            Replies.json(ctx, 200, order.render(store.apiBase()));
            if (statusId != null && statusId != previous) {
                events.statusChanged(order.id, previous, statusId);
            } else {
                events.updated(order.id);
            }
        });
    }

    private static int n(Object v) {
        return ((Number) v).intValue();
    }

    void withOrder(RoutingContext ctx, java.util.function.Consumer<BcOrder> action) {
        BcOrder order = store.order(Replies.intParam(ctx, "order_id", -1));
        if (order == null) {
            Replies.notFound(ctx);
        } else {
            action.accept(order);
        }
    }

    private static JsonArray page(RoutingContext ctx, JsonArray all) {
        Replies.Page p = Replies.page(ctx, 50, 250);
        return new JsonArray(p.slice(all.getList()));
    }

    /**
     * The documented list filters; dates accept RFC-2822 and ISO-8601. Only the filters the request names are
     * applied (a list scans every order, and the hub's sweeps list every 30 s).
     */
    private static Predicate<BcOrder> filter(RoutingContext ctx) {
        List<Predicate<BcOrder>> tests = new ArrayList<>();
        add(tests, intRange(ctx, "min_id", "max_id", o -> o.id));
        add(tests, dateRange(ctx, "min_date_modified", "max_date_modified", BcOrder::modified));
        add(tests, dateRange(ctx, "min_date_created", "max_date_created", BcOrder::created));
        String status = ctx.request().getParam("status_id");
        if (status != null) {
            int s = Replies.intParam(ctx, "status_id", -1);
            tests.add(o -> o.statusId() == s);
        }
        BigDecimal minTotal = decimalParam(ctx, "min_total");
        BigDecimal maxTotal = decimalParam(ctx, "max_total");
        if (minTotal != null) tests.add(o -> new BigDecimal((String) o.field("total_inc_tax")).compareTo(minTotal) >= 0);
        if (maxTotal != null) tests.add(o -> new BigDecimal((String) o.field("total_inc_tax")).compareTo(maxTotal) <= 0);
        add(tests, equalsParam(ctx, "customer_id", o -> String.valueOf(o.field("customer_id"))));
        add(tests, equalsParam(ctx, "channel_id", o -> String.valueOf(o.field("channel_id"))));
        add(tests, equalsParam(ctx, "cart_id", o -> String.valueOf(o.field("cart_id"))));
        add(tests, equalsParam(ctx, "payment_method", o -> String.valueOf(o.field("payment_method"))));
        add(tests, equalsParam(ctx, "external_order_id", o -> String.valueOf(o.field("external_order_id"))));
        String email = ctx.request().getParam("email");
        if (email != null) {
            tests.add(o -> email.equalsIgnoreCase(((JsonObject) o.field("billing_address")).getString("email")));
        }
        boolean deleted = "true".equalsIgnoreCase(ctx.request().getParam("is_deleted"));
        tests.add(o -> Boolean.TRUE.equals(o.field("is_deleted")) == deleted);
        return o -> {
            for (Predicate<BcOrder> t : tests) {
                if (!t.test(o)) return false;
            }
            return true;
        };
    }

    private static void add(List<Predicate<BcOrder>> tests, Predicate<BcOrder> test) {
        if (test != null) tests.add(test);
    }

    /** Null when the request names neither bound. */
    private static Predicate<BcOrder> intRange(RoutingContext ctx, String min, String max,
                                               java.util.function.ToIntFunction<BcOrder> value) {
        if (ctx.request().getParam(min) == null && ctx.request().getParam(max) == null) return null;
        int lo = Replies.intParam(ctx, min, Integer.MIN_VALUE);
        int hi = Replies.intParam(ctx, max, Integer.MAX_VALUE);
        return o -> value.applyAsInt(o) >= lo && value.applyAsInt(o) <= hi;
    }

    /** Null when the request names neither bound. */
    private static Predicate<BcOrder> dateRange(RoutingContext ctx, String min, String max,
                                                java.util.function.Function<BcOrder, Instant> value) {
        String a = ctx.request().getParam(min);
        String b = ctx.request().getParam(max);
        if (a == null && b == null) return null;
        Instant lo = a == null ? null : Formats.parseDate(a);
        Instant hi = b == null ? null : Formats.parseDate(b);
        return o -> {
            Instant v = value.apply(o);
            return (lo == null || !v.isBefore(lo)) && (hi == null || !v.isAfter(hi));
        };
    }

    /** Null when the request does not name the parameter. */
    private static Predicate<BcOrder> equalsParam(RoutingContext ctx, String name,
                                                  java.util.function.Function<BcOrder, String> value) {
        String v = ctx.request().getParam(name);
        return v == null ? null : o -> v.equals(value.apply(o));
    }

    private static BigDecimal decimalParam(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null) return null;
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new Formats.BadInput(name + " must be a number");
        }
    }

    /** {@code sort=field[:asc|:desc]}; default id ascending, answered as null (no sort needed). */
    private static Comparator<BcOrder> sort(RoutingContext ctx) {
        String sort = ctx.request().getParam("sort");
        if (sort == null || sort.isBlank() || sort.trim().equalsIgnoreCase("id") || sort.trim().equalsIgnoreCase("id:asc")) {
            return null; // the store keeps orders by id
        }
        String[] parts = sort.split(":", 2);
        Comparator<BcOrder> c = switch (parts[0]) {
            case "id" -> Comparator.comparingInt(o -> o.id);
            case "date_created" -> Comparator.comparing(BcOrder::created);
            case "date_modified" -> Comparator.comparing(BcOrder::modified);
            case "status_id" -> Comparator.comparingInt(BcOrder::statusId);
            case "customer_id" -> Comparator.comparingDouble(o -> ((Number) o.field("customer_id")).doubleValue());
            case "channel_id" -> Comparator.comparingInt(o -> (Integer) o.field("channel_id"));
            default -> throw new Formats.BadInput("sort field '" + parts[0] + "' is not supported");
        };
        c = c.thenComparingInt(o -> o.id);
        String dir = parts.length > 1 ? parts[1].toLowerCase() : "asc";
        if (!dir.equals("asc") && !dir.equals("desc")) throw new Formats.BadInput("sort direction must be asc or desc");
        return dir.equals("desc") ? c.reversed() : c;
    }
}
