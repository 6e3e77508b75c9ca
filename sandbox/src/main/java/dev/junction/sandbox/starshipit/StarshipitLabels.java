package dev.junction.sandbox.starshipit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Label printing and tracking. Printing assigns one tracking number per package, moves the order out of
 * "Unshipped" (status {@code Printed}), records a {@code Printed} tracking event and fires the tracking
 * webhook. The simulated merchant prints every new order after {@link StarshipitOptions#printAfter()}.
 */
final class StarshipitLabels {
    /** Tracking statuses Starshipit reports (support article 360000376436). */
    static final Set<String> STATUSES = Set.of("Printed", "Dispatched", "InTransit", "OutForDelivery", "Delivered",
            "PickupInStore", "AttemptedDelivery", "Exception", "AwaitingCollection", "Cancelled");

    private final StarshipitOptions options;
    private final StarshipitOrders orders;
    private final StarshipitWebhook webhook;
    private final StarshipitStats stats;
    private Vertx vertx;

    StarshipitLabels(StarshipitOptions options, StarshipitOrders orders, StarshipitWebhook webhook, StarshipitStats stats) {
        this.options = options;
        this.orders = orders;
        this.webhook = webhook;
        this.stats = stats;
    }

    void attach(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The simulated merchant prints the label later, if the order is still unshipped then. */
    void schedule(JsonObject order) {
        long ms = options.printAfter().toMillis();
        if (vertx == null || ms <= 0) return;
        int id = order.getInteger("order_id");
        int epoch = orders.epoch();
        vertx.setTimer(ms, t -> {
            JsonObject current = orders.epoch() == epoch ? orders.byId(id) : null;
            if (current != null && "Unshipped".equals(current.getString("status"))) {
                print(new JsonObject().put("order_id", id));
            }
        });
    }

    /** {@code POST /orders/shipment}: by {@code order_id} or {@code order_number}. */
    JsonObject print(JsonObject req) {
        JsonObject order = req.getValue("order_id") != null ? orders.byId(req.getValue("order_id"))
                : req.getString("order_number") == null ? null : orders.byNumber(req.getString("order_number"));
        if (order == null) {
            throw new StarshipitError(404, "Order not found", "No order with order_id " + req.getValue("order_id")
                    + " or order_number " + req.getValue("order_number"));
        }
        synchronized (orders) {
            boolean printed = !"Unshipped".equals(order.getString("status"));
            if (printed && !req.getBoolean("reprint", false)) {
                throw new StarshipitError(400, "Label already printed",
                        "Order " + order.getString("order_number") + " already has a label; set reprint to true to print it again");
            }
            if (!printed) {
                assignTracking(order, req);
            }
        }
        JsonArray tracking = order.getJsonArray("tracking_numbers");
        JsonArray labels = new JsonArray();
        JsonArray types = new JsonArray();
        for (int i = 0; i < tracking.size(); i++) {
            labels.add(labelPdf(order, tracking.getString(i)));
            types.add("Label");
        }
        JsonObject response = new JsonObject().put("order_id", order.getInteger("order_id"))
                .put("order_number", order.getString("order_number")).put("carrier_name", order.getString("carrier_name"))
                .put("carrier_service", order.getString("carrier_service_code")).put("tracking_numbers", tracking.copy())
                .put("labels", labels).put("label_types", types).put("success", true).put("errors", new JsonArray());
        return response;
    }

    private void assignTracking(JsonObject order, JsonObject req) {
        String carrier = req.getString("carrier", order.getString("carrier") == null ? Carriers.DEFAULT : order.getString("carrier"));
        String service = req.getString("carrier_service_code",
                order.getString("carrier_service_code") == null ? Carriers.defaultService(carrier) : order.getString("carrier_service_code"));
        int packages = req.getJsonArray("packages") != null ? req.getJsonArray("packages").size()
                : Math.max(1, order.getJsonArray("packages").size());
        JsonArray tracking = new JsonArray();
        for (int i = 0; i < Math.max(1, packages); i++) tracking.add(Carriers.trackingNumber(carrier, this::digits));
        String now = StarshipitOrders.now();
        order.put("carrier", carrier).put("carrier_name", Carriers.name(carrier)).put("carrier_service_code", service)
                .put("tracking_numbers", tracking).put("tracking_number", tracking.getString(0))
                .put("tracking_url", Carriers.trackingUrl(carrier, tracking.getString(0)))
                .put("shipment_date", now).put("status", "Printed");
        stats.labelsPrinted.incrementAndGet();
        addEvent(order, "Printed", "Label printed");
    }

    /** Records a courier update and fires the tracking webhook (control API: {@code POST orders/{ref}/track}). */
    JsonObject track(JsonObject order, String status, String details) {
        if (!STATUSES.contains(status)) {
            throw new StarshipitError(400, "Invalid tracking status", "One of " + STATUSES);
        }
        if ("Unshipped".equals(order.getString("status"))) {
            throw new StarshipitError(400, "Order not printed", "Print a label before tracking updates");
        }
        synchronized (orders) {
            if (!"Printed".equals(status)) order.put("status", "Delivered".equals(status) ? "Delivered" : "Shipped");
            addEvent(order, status, details == null ? status : details);
        }
        return order;
    }

    private void addEvent(JsonObject order, String status, String details) {
        String now = StarshipitOrders.now();
        order.put("tracking_status", status).put("last_updated_date", now);
        order.getJsonArray("tracking_events").add(new JsonObject().put("event_datetime", now).put("status", status)
                .put("details", details));
        webhook.fire(new JsonObject().put("order_number", order.getString("order_number"))
                .put("carrier_name", order.getString("carrier_name")).put("carrier_service", order.getString("carrier_service_code"))
                .put("shipment_date", order.getString("shipment_date")).put("tracking_number", order.getString("tracking_number"))
                .put("tracking_url", order.getString("tracking_url")).put("tracking_status", status)
                .put("last_updated_date", now));
    }

    /** {@code GET /track}: the documented {@code results} object. */
    static JsonObject trackResult(JsonObject order) {
        return new JsonObject().put("order_number", order.getString("order_number")).put("order_status", order.getString("status"))
                .put("carrier_name", order.getString("carrier_name")).put("carrier_service", order.getString("carrier_service_code"))
                .put("tracking_number", order.getString("tracking_number")).put("tracking_url", order.getString("tracking_url"))
                .put("shipment_date", order.getString("shipment_date")).put("tracking_status", order.getString("tracking_status"))
                .put("last_updated_date", order.getString("last_updated_date"))
                .put("tracking_events", order.getJsonArray("tracking_events").copy());
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(orders.nextRandom(10));
        return sb.toString();
    }

    /** A tiny but well-formed PDF naming the order and tracking number; real labels are PDFs too. */
    private static String labelPdf(JsonObject order, String tracking) {
        String text = "Starshipit sandbox label " + order.getString("order_number") + " " + tracking;
        String content = "BT /F1 12 Tf 20 100 Td (" + text + ") Tj ET";
        List<String> objects = List.of("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 288 432] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) pdf.append(String.format("%010d 00000 n \n", offset));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return Base64.getEncoder().encodeToString(pdf.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
