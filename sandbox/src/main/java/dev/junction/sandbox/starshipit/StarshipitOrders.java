package dev.junction.sandbox.starshipit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The merchant's orders: validation of create/update bodies, storage, and the list/search queries. An
 * order is "unshipped" until its label is printed; from then on it is listed by {@code /orders/shipped}.
 * Methods are synchronized: requests, timers and tests may call them from different threads.
 */
final class StarshipitOrders {
    static final int MAX_LIMIT = 250;

    private final StarshipitOptions options;
    private final Map<Integer, JsonObject> orders = new LinkedHashMap<>();
    private Random random;
    private int nextOrderId;
    private int nextItemId;
    private int epoch;

    StarshipitOrders(StarshipitOptions options) {
        this.options = options;
        reset();
    }

    synchronized void reset() {
        epoch++;
        orders.clear();
        random = new Random(options.seed());
        nextOrderId = 5_000_000 + (int) Math.floorMod(options.seed(), 1000) * 1000;
        nextItemId = 1;
    }

    /** Changes on every reset, so timers scheduled before a reset leave the new state alone. */
    synchronized int epoch() {
        return epoch;
    }

    synchronized long nextRandom(long bound) {
        return (long) (random.nextDouble() * bound);
    }

    synchronized byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    synchronized JsonObject create(JsonObject body) {
        JsonObject in = orderOf(body);
        validate(in);
        String number = in.getString("order_number");
        if (byNumber(number) != null) {
            throw new StarshipitError(409, "Order number already exists", "An order with order_number '" + number + "' already exists");
        }
        String now = now();
        JsonObject order = new JsonObject().put("order_id", nextOrderId++).put("order_date", in.getString("order_date", now))
                .put("order_number", number).put("reference", in.getString("reference"))
                .put("carrier", in.getString("carrier")).put("carrier_name", Carriers.name(in.getString("carrier")))
                .put("carrier_service_code", in.getString("carrier_service_code"))
                .put("shipping_method", in.getString("shipping_method"))
                .put("signature_required", in.getBoolean("signature_required", false))
                .put("currency", in.getString("currency")).put("return_order", in.getBoolean("return_order", false))
                .put("sender_details", in.getJsonObject("sender_details")).put("destination", in.getJsonObject("destination"))
                .put("items", items(in.getJsonArray("items"), new JsonArray()))
                .put("packages", packages(in.getJsonArray("packages")))
                .put("status", "Unshipped").put("tracking_number", null).put("tracking_numbers", new JsonArray())
                .put("tracking_url", null).put("shipment_date", null).put("tracking_status", null)
                .put("tracking_events", new JsonArray()).put("created_date", now).put("last_updated_date", now);
        orders.put(order.getInteger("order_id"), order);
        return order;
    }

    /** {@code PUT /orders}: the given fields replace the stored ones; {@code items} replaces the list. */
    synchronized JsonObject update(JsonObject body) {
        JsonObject in = orderOf(body);
        JsonObject order = in.getValue("order_id") != null ? byId(in.getValue("order_id")) : byNumber(in.getString("order_number"));
        if (order == null) throw new StarshipitError(404, "Order not found", "No order with order_id " + in.getValue("order_id"));
        if (!"Unshipped".equals(order.getString("status"))) {
            throw new StarshipitError(400, "Order cannot be updated", "Order " + order.getString("order_number") + " has already been shipped");
        }
        JsonObject merged = order.copy();
        for (String key : in.fieldNames()) {
            if (!key.equals("order_id") && !key.equals("items") && !key.equals("packages")) merged.put(key, in.getValue(key));
        }
        if (in.containsKey("items")) merged.put("items", in.getJsonArray("items"));
        validate(merged);
        if (in.containsKey("items")) merged.put("items", items(in.getJsonArray("items"), order.getJsonArray("items")));
        if (in.containsKey("packages")) merged.put("packages", packages(in.getJsonArray("packages")));
        merged.put("carrier_name", Carriers.name(merged.getString("carrier"))).put("last_updated_date", now());
        orders.put(merged.getInteger("order_id"), merged);
        return merged;
    }

    private static JsonObject orderOf(JsonObject body) {
        if (body == null || !(body.getValue("order") instanceof JsonObject o)) {
            throw new StarshipitError(400, "Invalid request", "The body must be a JSON object with an 'order'");
        }
        return o;
    }

    private void validate(JsonObject in) {
        List<JsonObject> errors = new ArrayList<>();
        String number = in.getValue("order_number") == null ? null : in.getValue("order_number").toString();
        if (number == null || number.isBlank()) errors.add(err("order_number is required", "order.order_number"));
        else if (number.length() > 50) errors.add(err("order_number must be 50 characters or fewer", "order.order_number"));
        if (in.getString("reference") != null && in.getString("reference").length() > 50) {
            errors.add(err("reference must be 50 characters or fewer", "order.reference"));
        }
        JsonObject dest = in.getValue("destination") instanceof JsonObject d ? d : null;
        if (dest == null) {
            errors.add(err("destination is required", "order.destination"));
        } else {
            for (String f : List.of("name", "street", "post_code", "country")) {
                if (dest.getValue(f) == null || dest.getValue(f).toString().isBlank()) {
                    errors.add(err("destination." + f + " is required", "order.destination." + f));
                }
            }
        }
        JsonArray items = in.getJsonArray("items", new JsonArray());
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.getJsonObject(i);
            if (!(item.getValue("quantity") instanceof Number q) || q.doubleValue() <= 0) {
                errors.add(err("items[" + i + "].quantity must be greater than zero", "order.items[" + i + "].quantity"));
            }
            if (item.getString("sku") != null && item.getString("sku").length() > 50) {
                errors.add(err("items[" + i + "].sku must be 50 characters or fewer", "order.items[" + i + "].sku"));
            }
        }
        if (!errors.isEmpty()) throw new ValidationError(errors);
        String postCode = dest.getValue("post_code").toString().trim();
        if (options.invalidPostCodes().contains(postCode)) {
            throw new StarshipitError(400, "Destination address is invalid: post code " + postCode + " not found for country "
                    + dest.getValue("country"), "order.destination.post_code");
        }
    }

    private static JsonObject err(String message, String details) {
        return new JsonObject().put("message", message).put("details", details);
    }

    /** Several field errors at once, as one 400 response. */
    static final class ValidationError extends RuntimeException {
        final List<JsonObject> errors;

        ValidationError(List<JsonObject> errors) {
            super(errors.get(0).getString("message"));
            this.errors = errors;
        }

        JsonObject body() {
            return new JsonObject().put("success", false).put("errors", new JsonArray(new ArrayList<>(errors)));
        }
    }

    private JsonArray items(JsonArray in, JsonArray previous) {
        JsonArray out = new JsonArray();
        for (Object o : in == null ? new JsonArray() : in) {
            JsonObject item = ((JsonObject) o).copy();
            Integer id = item.getInteger("item_id");
            boolean known = id != null && previous.stream().anyMatch(p -> id.equals(((JsonObject) p).getInteger("item_id")));
            if (!known) item.put("item_id", nextItemId++);
            item.put("quantity_to_ship", item.getValue("quantity"));
            out.add(item);
        }
        return out;
    }

    private JsonArray packages(JsonArray in) {
        JsonArray out = new JsonArray();
        for (Object o : in == null ? new JsonArray() : in) {
            JsonObject p = ((JsonObject) o).copy();
            if (p.getValue("package_id") == null) p.put("package_id", nextItemId++);
            out.add(p);
        }
        return out;
    }

    synchronized JsonObject byId(Object id) {
        try {
            return orders.get(Integer.parseInt(id.toString()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    synchronized JsonObject byNumber(String number) {
        return orders.values().stream().filter(o -> o.getString("order_number").equals(number)).findFirst().orElse(null);
    }

    synchronized JsonObject byTracking(String tracking) {
        return orders.values().stream().filter(o -> o.getJsonArray("tracking_numbers").contains(tracking)).findFirst().orElse(null);
    }

    synchronized List<JsonObject> all() {
        return List.copyOf(orders.values());
    }

    /** Orders of one status group, filtered by the {@code since_*} parameters (RFC 3339). */
    synchronized List<JsonObject> list(boolean shipped, String sinceLastUpdated, String sinceOrderDate) {
        Predicate<JsonObject> p = o -> "Unshipped".equals(o.getString("status")) != shipped;
        p = p.and(since("last_updated_date", sinceLastUpdated)).and(since("order_date", sinceOrderDate));
        return orders.values().stream().filter(p).toList();
    }

    /** Case-insensitive match on order number, reference, recipient name and tracking number. */
    synchronized List<JsonObject> search(String phrase) {
        String q = phrase.toLowerCase();
        return orders.values().stream().filter(o -> contains(o.getString("order_number"), q)
                || contains(o.getString("reference"), q) || contains(o.getString("tracking_number"), q)
                || contains(o.getJsonObject("destination").getString("name"), q)).toList();
    }

    private static boolean contains(String value, String q) {
        return value != null && value.toLowerCase().contains(q);
    }

    private static Predicate<JsonObject> since(String field, String since) {
        if (since == null || since.isBlank()) return o -> true;
        Instant from = instant(since);
        return o -> o.getString(field) != null && !instant(o.getString(field)).isBefore(from);
    }

    static Instant instant(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new StarshipitError(400, "Invalid date", "'" + s + "' is not an RFC 3339 date-time");
            }
        }
    }

    /** One page of {@code all}: {@code page} is 1-based, {@code limit} defaults to 50 and is capped at 250. */
    static JsonObject page(List<JsonObject> all, String limitParam, String pageParam, String key) {
        int limit = parse(limitParam, 50, "limit");
        int page = parse(pageParam, 1, "page");
        if (limit < 1 || limit > MAX_LIMIT) throw new StarshipitError(400, "Invalid limit", "limit must be between 1 and " + MAX_LIMIT);
        if (page < 1) throw new StarshipitError(400, "Invalid page", "page starts at 1");
        int from = Math.min(all.size(), (page - 1) * limit);
        int to = Math.min(all.size(), from + limit);
        return new JsonObject().put(key, new JsonArray(new ArrayList<>(all.subList(from, to))))
                .put("total_pages", (all.size() + limit - 1) / limit).put("success", true).put("errors", new JsonArray());
    }

    private static int parse(String s, int dflt, String name) {
        if (s == null || s.isBlank()) return dflt;
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new StarshipitError(400, "Invalid " + name, name + " must be an integer");
        }
    }
}
