package dev.junction.hub.connection;

import dev.junction.hub.plugin.PluginHost.LoadedConnector;

/**
 * A started (or failed) connection.
 *
 * @param status  RUNNING, or FAILED with {@code error} saying what to fix
 */
public record ConnectionRuntime(String id, String connectorId, LoadedConnector connector, HubConnectionContext context,
                                ConnectionHandlers handlers, String status, String error) {

    public boolean running() {
        return "RUNNING".equals(status);
    }

    public ClassLoader classLoader() {
        return connector == null ? getClass().getClassLoader() : connector.classLoader();
    }
}
