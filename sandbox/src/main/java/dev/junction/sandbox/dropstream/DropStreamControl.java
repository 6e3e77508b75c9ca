package dev.junction.sandbox.dropstream;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Control API of the DropStream simulator (under {@code /_sandbox/}):
 * <ul>
 *   <li>{@code GET stats}: HTTP counters and file counters (received, ingested, rejected, written);</li>
 *   <li>{@code GET sftp}: {@code {"host","port","username","root","folders"}} once the SFTP server listens;</li>
 *   <li>{@code POST products} (one product or {@code {"products":[...]}}, each with {@code sku}) and
 *       {@code POST warehouses} {@code {"code","name"}}: seed the catalogue;</li>
 *   <li>{@code PUT inventory} {@code {"items":[{"sku","warehouse"(default the seeded code),"on_hand","available"
 *       (default on_hand)}]}}: sets stock and writes one {@code inv_*.csv} to {@code /out};
 *       answers {@code {"file","rows"}};</li>
 *   <li>{@code POST orders/{ref}/ship} optional {@code {"lines":[{"line_number","quantity"}]}} ({@code ref}:
 *       DropStream id or order number): ships now (everything left when no lines); 201 with the shipment,
 *       404 unknown order, 409 nothing (or not that much) left;</li>
 *   <li>{@code GET orders}: the orders the warehouse received; {@code GET files}: the file log plus what is
 *       now in {@code /in}, {@code /in/archive}, {@code /in/rejected} and {@code /out};</li>
 *   <li>{@code POST poll}: scan {@code /in} now; answers {@code {"handled":n}}.</li>
 * </ul>
 */
final class DropStreamControl {
    private final DropStreamOptions options;
    private final DropStreamStore store;
    private final DropStreamStats stats;
    private final DropStreamWarehouse warehouse;
    private final Supplier<Future<Integer>> sftpReady;
    private final Supplier<String> root;

    DropStreamControl(DropStreamOptions options, DropStreamStore store, DropStreamStats stats, DropStreamWarehouse warehouse,
                      Supplier<Future<Integer>> sftpReady, Supplier<String> root) {
        this.options = options;
        this.store = store;
        this.stats = stats;
        this.warehouse = warehouse;
        this.sftpReady = sftpReady;
        this.root = root;
    }

    void routes(Router router) {
        router.get("/_sandbox/stats").handler(ctx -> ctx.json(stats.toJson()));
        router.get("/_sandbox/sftp").handler(ctx -> sftpReady.get().onComplete(ar -> {
            if (ar.failed()) {
                fail(ctx, 500, "SFTP server failed to start: " + ar.cause().getMessage());
                return;
            }
            ctx.json(new JsonObject().put("host", "127.0.0.1").put("port", ar.result()).put("username", options.sftpUser())
                    .put("root", root.get()).put("folders", new JsonArray().add("/in").add("/in/archive")
                            .add("/in/rejected").add("/out")));
        }));
        router.post("/_sandbox/products").handler(ctx -> {
            JsonObject b = body(ctx);
            JsonArray in = b.containsKey("products") ? b.getJsonArray("products") : new JsonArray().add(b);
            List<JsonObject> out = new ArrayList<>();
            for (Object o : in) {
                JsonObject p = (JsonObject) o;
                if (p.getString("sku") == null) {
                    fail(ctx, 400, "every product needs a sku");
                    return;
                }
                out.add(store.putProduct(p));
            }
            ctx.response().setStatusCode(201);
            ctx.json(new JsonArray(out));
        });
        router.post("/_sandbox/warehouses").handler(ctx -> {
            JsonObject b = body(ctx);
            if (b.getString("code") == null) {
                fail(ctx, 400, "code is required");
                return;
            }
            ctx.response().setStatusCode(201);
            ctx.json(store.addWarehouse(b.getString("code"), b.getString("name", b.getString("code"))));
        });
        router.put("/_sandbox/inventory").handler(this::inventory);
        router.post("/_sandbox/orders/:ref/ship").handler(this::ship);
        router.get("/_sandbox/orders").handler(ctx -> ctx.json(new JsonArray(new ArrayList<>(store.orders()))));
        router.get("/_sandbox/files").handler(ctx -> {
            JsonObject result = new JsonObject().put("log", new JsonArray(new ArrayList<>(store.files())));
            Future.all(warehouse.list(DropStreamSftp.IN), warehouse.list(DropStreamSftp.ARCHIVE),
                    warehouse.list(DropStreamSftp.REJECTED), warehouse.list(DropStreamSftp.OUT)).onComplete(ar -> {
                if (ar.failed()) {
                    fail(ctx, 500, ar.cause().getMessage());
                    return;
                }
                String[] keys = {"in", "archive", "rejected", "out"};
                for (int i = 0; i < keys.length; i++) result.put(keys[i], new JsonArray(ar.result().<List<String>>resultAt(i)));
                ctx.json(result);
            });
        });
        router.post("/_sandbox/poll").handler(ctx -> warehouse.poll().onComplete(ar -> {
            if (ar.failed()) fail(ctx, 500, ar.cause().getMessage());
            else ctx.json(new JsonObject().put("handled", ar.result()));
        }));
    }

    private void inventory(RoutingContext ctx) {
        JsonObject b = body(ctx);
        JsonArray items = b.containsKey("items") ? b.getJsonArray("items") : new JsonArray().add(b);
        List<DsfxFormat.InventoryRow> rows = new ArrayList<>();
        for (Object o : items) {
            JsonObject i = (JsonObject) o;
            if (i.getString("sku") == null || i.getInteger("on_hand") == null) {
                fail(ctx, 400, "every item needs sku and on_hand");
                return;
            }
            String wh = i.getString("warehouse", options.warehouseCode());
            if (store.warehouse(wh) == null) {
                fail(ctx, 400, "unknown warehouse " + wh);
                return;
            }
            rows.add(store.setInventory(i.getString("sku"), wh, i.getInteger("on_hand"), i.getInteger("available")));
        }
        warehouse.writeInventory(rows).onComplete(ar -> {
            if (ar.failed()) fail(ctx, 500, ar.cause().getMessage());
            else ctx.json(new JsonObject().put("file", ar.result()).put("rows", rows.size()));
        });
    }

    private void ship(RoutingContext ctx) {
        String ref = ctx.pathParam("ref");
        if (store.order(ref) == null) {
            fail(ctx, 404, "order not found: " + ref);
            return;
        }
        JsonArray lines = body(ctx).getJsonArray("lines");
        Map<Integer, Integer> quantities = null;
        if (lines != null) {
            quantities = new HashMap<>();
            for (Object o : lines) {
                JsonObject l = (JsonObject) o;
                quantities.put(l.getInteger("line_number"), l.getInteger("quantity"));
            }
        }
        warehouse.ship(ref, quantities).onComplete(ar -> {
            if (ar.failed()) {
                fail(ctx, 409, ar.cause().getMessage());
                return;
            }
            ctx.response().setStatusCode(201);
            ctx.json(ar.result());
        });
    }

    private static JsonObject body(RoutingContext ctx) {
        try {
            JsonObject b = ctx.body().asJsonObject();
            return b == null ? new JsonObject() : b;
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static void fail(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status);
        ctx.json(new JsonObject().put("error", message));
    }
}
