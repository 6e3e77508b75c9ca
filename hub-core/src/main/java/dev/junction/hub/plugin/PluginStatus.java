package dev.junction.hub.plugin;

import java.nio.file.Path;
import java.util.List;

/**
 * What the admin API and the log say about one plugin.
 *
 * @param state      LOADED... as pf4j reports it (STARTED, DISABLED, FAILED, ...), or LOAD_FAILED when the
 *                   zip could not even be read
 * @param error      why it is not running, in words; null when fine
 * @param connectors ids of the connectors it provides
 */
public record PluginStatus(String id, String version, String requires, String state, String error, Path path,
                           List<String> connectors) {
    public PluginStatus {
        connectors = connectors == null ? List.of() : List.copyOf(connectors);
    }

    public boolean running() {
        return "STARTED".equals(state);
    }
}
