package dev.junction.sandbox.core;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * One stateful simulator of a remote system. The {@link SimulatorServer} mounts its routes behind the
 * shared fault-injection handler and the shared control API ({@code /_sandbox/...}).
 */
public interface Simulator {

    /** Lower-case system name, e.g. {@code brightpearl}. */
    String name();

    /**
     * Registers the remote API's routes and this simulator's own control routes (under
     * {@code /_sandbox/}, e.g. {@code POST /_sandbox/products} to seed, {@code GET /_sandbox/orders} to
     * inspect what the hub wrote). Called once, after {@link #attach}.
     */
    void routes(Router router);

    /** Gives the simulator its Vert.x, fault knobs and public base URL once the server is listening. */
    default void attach(Vertx vertx, Faults faults, String baseUrl) {
    }

    /** Forgets all state (seeded and written), as if freshly started with the same seed. */
    void reset();
}
