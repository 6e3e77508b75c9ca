package dev.junction.api;

import io.vertx.core.Future;
import org.pf4j.ExtensionPoint;

/**
 * A connector to one remote system (Brightpearl, BigCommerce, ...). Implementations are pf4j extensions
 * shipped in a plugin zip. A connector is stateless: each configured, credentialed instance of it (a
 * "connection") gets its own {@link ConnectionContext}, and the handlers it registers close over that.
 */
public interface Connector extends ExtensionPoint {

    /** Identity and configuration schema. Must be cheap and side-effect free. */
    ConnectorDescriptor descriptor();

    /**
     * Tests a connection (reachability, credentials, permissions). Never fails the future for an expected
     * problem: it answers {@link CheckResult#failed(String)} with a reason a person can act on.
     */
    Future<CheckResult> check(ConnectionContext context);

    /**
     * Registers the source, sink, mapping and webhook handlers of one connection. Called once when the hub
     * starts the connection; must not do remote I/O (the hub may be starting offline).
     */
    void register(ConnectionContext context, HandlerRegistry registry);
}
