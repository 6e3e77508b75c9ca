package dev.junction.api;

import dev.junction.api.http.RemoteHttp;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.service.ConnectionState;
import dev.junction.api.service.IdLinks;
import dev.junction.api.service.Metrics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;

import java.time.Clock;

/**
 * What the hub hands one connection of a connector. Every service is scoped to that connection, so a
 * plugin cannot read another connection's secrets, links or state.
 */
public interface ConnectionContext {

    /** The connection's id, unique in the hub (e.g. {@code bp-main}); also the webhook path segment. */
    String connectionId();

    /**
     * The connection's settings with defaults applied and secrets decrypted. Never log it: the hub masks
     * known secret values in its own log output, but a plugin should not rely on that.
     */
    JsonObject config();

    Vertx vertx();

    /** Outbound HTTP with per-remote-account rate limiting; see {@link RemoteHttp}. */
    RemoteHttp http();

    /** Id links between this connection's records and other systems'. */
    IdLinks links();

    /** Value-mapping tables (status, shipping method, warehouse, SKU alias, ...). */
    MappingTables mappings();

    /** Small persistent key-value state of this connection, encrypted at rest (tokens, webhook secrets). */
    ConnectionState state();

    Clock clock();

    /** A logger named for this connection. */
    Logger logger();

    Metrics metrics();

    /**
     * The public URL at which the hub receives this connection's webhooks, for registering them with the
     * remote. Includes no secret: a connector that needs one in the URL (Brightpearl) adds it itself.
     */
    String webhookUrl();
}
