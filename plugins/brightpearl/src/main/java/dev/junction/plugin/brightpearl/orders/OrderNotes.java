package dev.junction.plugin.brightpearl.orders;

import dev.junction.plugin.brightpearl.BrightpearlConnection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Private order notes written at most once. A write-back that adds a note and then does a second step
 * (status change, shipped event) may crash or fail between the two; the hub then runs it again. Looking
 * for a note with the same text first makes that re-run add nothing, at the cost of one GET.
 */
public final class OrderNotes {
    private final BrightpearlConnection bp;

    public OrderNotes(BrightpearlConnection bp) {
        this.bp = bp;
    }

    /** Adds {@code text} as a private note unless the order already has a note with that exact text. */
    public Future<Boolean> addOnce(long orderId, String text) {
        String path = "/order-service/order/" + orderId + "/note";
        return bp.client().get(path).compose(existing -> {
            if (existing instanceof JsonArray notes && notes.stream().anyMatch(n -> n instanceof JsonObject o
                    && text.trim().equals(o.getString("text", "").trim()))) {
                return Future.succeededFuture(false);
            }
            return bp.client().post(path, new JsonObject().put("text", text).put("isPublic", false)).map(true);
        });
    }
}
