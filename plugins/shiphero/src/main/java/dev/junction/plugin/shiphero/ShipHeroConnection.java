package dev.junction.plugin.shiphero;

import dev.junction.api.ConnectionContext;
import dev.junction.plugin.shiphero.client.ShipHeroClient;
import dev.junction.plugin.shiphero.client.ShipHeroConfig;
import dev.junction.plugin.shiphero.warehouses.WarehouseDirectory;

/** What one ShipHero connection's handlers share: its context, client and warehouse directory. */
public record ShipHeroConnection(ConnectionContext ctx, ShipHeroClient client, WarehouseDirectory warehouses) {

    public static ShipHeroConnection open(ConnectionContext ctx) {
        ShipHeroClient client = new ShipHeroClient(ctx, ShipHeroConfig.of(ctx.config()));
        return new ShipHeroConnection(ctx, client, new WarehouseDirectory(client, ctx.clock()));
    }
}
