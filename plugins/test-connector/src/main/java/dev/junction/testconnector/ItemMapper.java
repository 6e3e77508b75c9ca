package dev.junction.testconnector;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.SkipException;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.model.Product;
import io.vertx.core.json.JsonObject;

/** Item JSON → canonical Product; an item with {@code "invalid": true} cannot be mapped, {@code "skip": true} is skipped. */
final class ItemMapper {
    private ItemMapper() {
    }

    static Product toProduct(JsonObject item, MappingContext ctx) {
        if (item.getBoolean("invalid", false)) {
            throw new PermanentException("item " + item.getString("id") + " has no name: give it one in the remote, then retry");
        }
        if (item.getBoolean("skip", false)) {
            throw new SkipException("item " + item.getString("id") + " is marked skip");
        }
        String name = item.getString("name");
        String hs = ctx.tables().lookupOrDefault("hs-codes", item.getString("category")).orElse(null);
        return new Product(item.getString("id"), name, null, null, hs, item.getString("category"));
    }
}
