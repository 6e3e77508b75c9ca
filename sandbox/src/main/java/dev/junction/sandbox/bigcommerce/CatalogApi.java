package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.junction.sandbox.bigcommerce.Replies.guard;

/** v3 catalog products and variants (looked up by SKU) and customers (looked up by email). */
final class CatalogApi {
    private final BcStore store;

    CatalogApi(BcStore store) {
        this.store = store;
    }

    void routes(Router router, String v3) {
        router.get(v3 + "/catalog/products").handler(guard(this::products));
        router.get(v3 + "/catalog/products/:product_id").handler(guard(ctx -> {
            Catalog.Product p = store.catalog.product(Replies.intParam(ctx, "product_id", -1));
            if (p == null) Replies.notFound(ctx);
            else Replies.json(ctx, 200, new JsonObject().put("data", product(p, includes(ctx))).put("meta", new JsonObject()));
        }));
        router.get(v3 + "/catalog/products/:product_id/variants").handler(guard(ctx -> {
            Catalog.Product p = store.catalog.product(Replies.intParam(ctx, "product_id", -1));
            if (p == null) Replies.notFound(ctx);
            else Replies.v3List(ctx, p.variants(), this::variant);
        }));
        router.get(v3 + "/catalog/variants").handler(guard(this::variants));
        router.get(v3 + "/customers").handler(guard(this::customers));
    }

    private void products(RoutingContext ctx) {
        Set<String> skus = values(ctx, "sku:in");
        String sku = ctx.request().getParam("sku");
        Set<Integer> ids = ints(ctx, "id:in");
        String id = ctx.request().getParam("id");
        List<Catalog.Product> matching = store.catalog.products().stream()
                .filter(p -> sku == null || p.sku().equals(sku))
                .filter(p -> skus == null || skus.contains(p.sku()))
                .filter(p -> ids == null || ids.contains(p.id()))
                .filter(p -> id == null || String.valueOf(p.id()).equals(id)).toList();
        Set<String> include = includes(ctx);
        Replies.v3List(ctx, matching, p -> product(p, include));
    }

    private void variants(RoutingContext ctx) {
        String sku = ctx.request().getParam("sku");
        Set<String> skus = values(ctx, "sku:in");
        Set<Integer> productIds = ints(ctx, "product_id:in");
        Set<Integer> ids = ints(ctx, "id:in");
        List<Catalog.Variant> matching = store.catalog.variants().stream()
                .filter(v -> sku == null || v.sku().equals(sku))
                .filter(v -> skus == null || skus.contains(v.sku()))
                .filter(v -> productIds == null || productIds.contains(v.productId()))
                .filter(v -> ids == null || ids.contains(v.id())).toList();
        Replies.v3List(ctx, matching, this::variant);
    }

    private void customers(RoutingContext ctx) {
        Set<String> emails = values(ctx, "email:in");
        Set<Integer> ids = ints(ctx, "id:in");
        List<Catalog.Customer> matching = store.catalog.customers().stream()
                .filter(c -> emails == null || emails.stream().anyMatch(e -> e.equalsIgnoreCase(c.email())))
                .filter(c -> ids == null || ids.contains(c.id())).toList();
        Replies.v3List(ctx, matching, CatalogApi::customer);
    }

    JsonObject product(Catalog.Product p, Set<String> include) {
        int level = p.variants().stream().mapToInt(v -> store.inventory.totalOnHand(v.id())).sum();
        JsonObject out = new JsonObject().put("id", p.id()).put("name", p.name()).put("type", p.type())
                .put("sku", p.sku()).put("description", "").put("weight", p.weight().doubleValue())
                .put("width", 0).put("depth", 0).put("height", 0).put("price", p.price().doubleValue())
                .put("cost_price", 0).put("retail_price", 0).put("sale_price", 0).put("map_price", 0)
                .put("tax_class_id", 0).put("categories", new JsonArray()).put("brand_id", 0)
                .put("inventory_level", level).put("inventory_warning_level", 0)
                .put("inventory_tracking", p.hasOptions() ? "variant" : "product")
                .put("is_visible", true).put("availability", "available").put("condition", "New")
                .put("date_created", iso(p.created())).put("date_modified", iso(p.created()));
        // BigCommerce sends null for products with options, but the spec types it as a non-null integer.
        if (!p.hasOptions()) out.put("base_variant_id", p.baseVariant().id());
        if (include.contains("variants")) {
            JsonArray vs = new JsonArray();
            p.variants().forEach(v -> vs.add(variant(v)));
            out.put("variants", vs);
        }
        return out;
    }

    JsonObject variant(Catalog.Variant v) {
        Catalog.Product p = store.catalog.product(v.productId());
        return new JsonObject().put("id", v.id()).put("product_id", v.productId()).put("sku", v.sku())
                .put("sku_id", v.id()).put("price", v.price().doubleValue())
                .put("calculated_price", v.price().doubleValue())
                .put("cost_price", 0.0).put("upc", "").put("bin_picking_number", "")
                .put("inventory_level", store.inventory.totalOnHand(v.id())).put("inventory_warning_level", 0)
                .put("is_free_shipping", false).put("purchasing_disabled", false).put("purchasing_disabled_message", "")
                .put("option_values", v.optionValues().copy());
    }

    static JsonObject customer(Catalog.Customer c) {
        return new JsonObject().put("id", c.id()).put("email", c.email()).put("first_name", c.firstName())
                .put("last_name", c.lastName()).put("company", c.company()).put("phone", c.phone())
                .put("notes", "").put("tax_exempt_category", "").put("customer_group_id", 0)
                .put("registration_ip_address", "").put("date_created", iso(c.created()))
                .put("date_modified", iso(c.created())).put("address_count", 0).put("attribute_count", 0)
                .put("authentication", new JsonObject().put("force_password_reset", false))
                .put("accepts_product_review_abandoned_cart_emails", false).put("origin_channel_id", 1)
                .put("channel_ids", new JsonArray().add(1));
    }

    private static String iso(java.time.Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static Set<String> includes(RoutingContext ctx) {
        Set<String> v = values(ctx, "include");
        return v == null ? Set.of() : v;
    }

    /** A comma-separated {@code :in} filter, or null when absent. */
    static Set<String> values(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null) return null;
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    static Set<Integer> ints(RoutingContext ctx, String name) {
        Set<String> v = values(ctx, name);
        if (v == null) return null;
        try {
            return v.stream().map(Integer::valueOf).collect(Collectors.toSet());
        } catch (NumberFormatException e) {
            throw new Formats.BadInput(name + " must be a comma-separated list of integers");
        }
    }
}
