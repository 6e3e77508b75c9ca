package dev.junction.plugin.brightpearl;

import dev.junction.api.ConnectionContext;
import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import dev.junction.plugin.brightpearl.client.BrightpearlConfig;
import dev.junction.plugin.brightpearl.support.ReferenceData;

/**
 * What one connection's handlers share: its context, its API client (one rate-limited budget per account)
 * and its cached reference data.
 */
public record BrightpearlConnection(ConnectionContext ctx, BrightpearlClient client, ReferenceData reference) {

    public static BrightpearlConnection open(ConnectionContext ctx) {
        BrightpearlConfig config = BrightpearlConfig.from(ctx.config());
        BrightpearlClient client = BrightpearlClient.create(ctx, config);
        return new BrightpearlConnection(ctx, client, new ReferenceData(client, ctx.clock()));
    }

    public BrightpearlConfig config() {
        return client.config();
    }
}
