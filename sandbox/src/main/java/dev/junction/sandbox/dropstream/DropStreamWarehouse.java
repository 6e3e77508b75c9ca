package dev.junction.sandbox.dropstream;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The simulated warehouse behind the SFTP folders. It polls {@code /in} for {@code *.csv}, ingests each order
 * file (moved to {@code /in/archive}) or rejects it (moved to {@code /in/rejected} with a
 * {@code .error.txt}), ships ingested orders after {@link DropStreamOptions#shipAfter()} (or when told) by
 * writing a {@code shp_*.csv} to {@code /out}, and writes {@code inv_*.csv} when stock is set. All file work
 * runs on one worker thread, never on the event loop, and is therefore serialized.
 */
final class DropStreamWarehouse {
    private final DropStreamOptions options;
    private final DropStreamStore store;
    private final DropStreamStats stats;
    private final DropStreamSftp sftp;
    private final AtomicBoolean polling = new AtomicBoolean();
    private Vertx vertx;
    private WorkerExecutor files;
    private long timer = -1;

    DropStreamWarehouse(DropStreamOptions options, DropStreamStore store, DropStreamStats stats, DropStreamSftp sftp) {
        this.options = options;
        this.store = store;
        this.stats = stats;
        this.sftp = sftp;
    }

    void start(Vertx vertx, WorkerExecutor files) {
        this.vertx = vertx;
        this.files = files;
        timer = vertx.setPeriodic(Math.max(10, options.pollInterval().toMillis()), t -> poll());
    }

    void stop() {
        if (vertx != null && timer >= 0) vertx.cancelTimer(timer);
        timer = -1;
    }

    /** One scan of {@code /in}; skipped while the previous one still runs. Answers how many files it handled. */
    Future<Integer> poll() {
        if (files == null || sftp.root() == null || !polling.compareAndSet(false, true)) return Future.succeededFuture(0);
        return files.executeBlocking(this::scanIn).onComplete(ar -> polling.set(false));
    }

    private int scanIn() throws IOException {
        Path in = sftp.root().resolve(DropStreamSftp.IN);
        List<Path> candidates;
        try (var list = Files.list(in)) {
            candidates = list.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        for (Path file : candidates) ingest(file);
        return candidates.size();
    }

    private void ingest(Path file) throws IOException {
        String name = file.getFileName().toString();
        stats.filesReceived.incrementAndGet();
        try {
            if (!DsfxFormat.ORDER_FILE.matcher(name).matches()) {
                throw new DsfxFormat.DsfxException("file name does not match ord_<ORDERID>_<YYMMDDHHMMSS>.csv");
            }
            DsfxFormat.OrderFile order = DsfxFormat.parseOrder(Files.readString(file, StandardCharsets.UTF_8));
            if (store.orderByExternalId(order.header().orderNumber()) != null) {
                throw new DsfxFormat.DsfxException("duplicate order number " + order.header().orderNumber() + ": already received");
            }
            Files.move(file, sftp.root().resolve(DropStreamSftp.ARCHIVE).resolve(name), StandardCopyOption.REPLACE_EXISTING);
            JsonObject stored = store.addOrder(order, name);
            stats.ordersIngested.incrementAndGet();
            store.logFile("/in", name, "ingested", "order " + stored.getInteger("id"));
            schedule(stored);
        } catch (DsfxFormat.DsfxException | java.nio.charset.MalformedInputException e) {
            Path rejected = sftp.root().resolve(DropStreamSftp.REJECTED);
            Files.move(file, rejected.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(rejected.resolve(name + ".error.txt"), e.getMessage() + "\n", StandardCharsets.UTF_8);
            stats.filesRejected.incrementAndGet();
            store.logFile("/in", name, "rejected", e.getMessage());
        }
    }

    private void schedule(JsonObject order) {
        long ms = options.shipAfter().toMillis();
        if (ms <= 0) return;
        int id = order.getInteger("id");
        int epoch = store.epoch();
        vertx.setTimer(ms, t -> {
            if (store.epoch() == epoch) ship(String.valueOf(id), null).onFailure(e -> { /* already shipped by hand */ });
        });
    }

    /**
     * Ships an order (by DropStream id or order number): the given quantities per line number, or everything
     * left. Writes the shipment file, then records the shipment; answers the shipment object.
     */
    Future<JsonObject> ship(String ref, Map<Integer, Integer> quantities) {
        return files.executeBlocking(() -> {
            JsonObject order = store.order(ref);
            if (order == null) throw new IllegalArgumentException("order not found: " + ref);
            return writeShipment(order, quantities);
        });
    }

    private JsonObject writeShipment(JsonObject order, Map<Integer, Integer> quantities) throws IOException {
        List<JsonObject> lines = new ArrayList<>();
        List<Integer> amounts = new ArrayList<>();
        synchronized (store) {
            for (Object o : order.getJsonArray("line_items")) {
                JsonObject line = (JsonObject) o;
                int left = line.getInteger("quantity") - line.getInteger("quantity_shipped");
                int qty = quantities == null ? left : quantities.getOrDefault(line.getInteger("line_number"), 0);
                if (qty > left) throw new IllegalStateException("line " + line.getInteger("line_number") + ": only " + left + " left to ship");
                if (qty > 0) {
                    lines.add(line);
                    amounts.add(qty);
                }
            }
            if (lines.isEmpty()) throw new IllegalStateException("order " + order.getString("external_id") + " has nothing left to ship");
            for (int i = 0; i < lines.size(); i++) {
                JsonObject line = lines.get(i);
                line.put("quantity_shipped", line.getInteger("quantity_shipped") + amounts.get(i));
                store.consume(line.getString("sku"), options.warehouseCode(), amounts.get(i));
            }
            boolean complete = order.getJsonArray("line_items").stream()
                    .allMatch(o -> ((JsonObject) o).getInteger("quantity").equals(((JsonObject) o).getInteger("quantity_shipped")));
            order.put("fulfillment_state", complete ? "shipped" : "partially_shipped").put("fulfillment_transitioned_at", DropStreamStore.now());
        }
        String carrier = order.getString("shipping_carrier_name");
        String service = order.getString("shipping_carrier_service_level");
        String tracking = ShippingMethods.trackingNumber(carrier, this::digits);
        String shippedAt = DropStreamStore.now();
        List<DsfxFormat.ShipmentRow> rows = new ArrayList<>();
        JsonArray items = new JsonArray();
        for (int i = 0; i < lines.size(); i++) {
            JsonObject line = lines.get(i);
            rows.add(new DsfxFormat.ShipmentRow(order.getString("external_id"), line.getInteger("line_number"),
                    line.getString("sku"), amounts.get(i), tracking, carrier, service, shippedAt));
            items.add(new JsonObject().put("id", line.getInteger("id")).put("line_number", line.getInteger("line_number"))
                    .put("sku", line.getString("sku")).put("quantity", amounts.get(i)));
        }
        String name = DsfxFormat.shipmentFileName(order.getString("external_id"), LocalDateTime.now(ZoneOffset.UTC), store.nextFileSequence());
        writeOut(name, DsfxFormat.writeShipments(rows));
        int id = store.nextId();
        JsonObject shipment = new JsonObject().put("id", id).put("order_id", order.getInteger("id"))
                .put("external_order_id", order.getString("external_id")).put("tracking_number", tracking)
                .put("carrier_name", carrier).put("service_level", service).put("shipped_at", shippedAt)
                .put("created_at", shippedAt).put("weight", null).put("warehouse_id", order.getInteger("fulfillment_warehouse_id"))
                .put("state", "notified_shipped").put("external_shipment_id", "WMS-" + id).put("expected_delivery_date", null)
                .put("order_items", items).put("file", name);
        store.addShipment(shipment);
        stats.shipmentFilesWritten.incrementAndGet();
        store.logFile("/out", name, "written", "shipment " + id);
        return shipment;
    }

    /** Records stock levels and writes them as one {@code inv_*.csv}; answers the file name. */
    Future<String> writeInventory(List<DsfxFormat.InventoryRow> rows) {
        return files.executeBlocking(() -> {
            String name = DsfxFormat.inventoryFileName(LocalDateTime.now(ZoneOffset.UTC), store.nextFileSequence());
            writeOut(name, DsfxFormat.writeInventory(rows));
            stats.inventoryFilesWritten.incrementAndGet();
            store.logFile("/out", name, "written", rows.size() + " rows");
            return name;
        });
    }

    /** Written as {@code .tmp} and renamed, so a reader never sees half a file. */
    private void writeOut(String name, String content) throws IOException {
        Path out = sftp.root().resolve(DropStreamSftp.OUT);
        Path tmp = out.resolve(name + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, out.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Names of the files now in a folder (control API). */
    Future<List<String>> list(String folder) {
        return files.executeBlocking(() -> {
            try (var l = Files.list(sftp.root().resolve(folder))) {
                return l.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
            }
        });
    }

    Future<Void> wipe() {
        return files.executeBlocking(() -> {
            sftp.wipe();
            return null;
        });
    }

    private String digits(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(store.nextRandom(10));
        return sb.toString();
    }
}
