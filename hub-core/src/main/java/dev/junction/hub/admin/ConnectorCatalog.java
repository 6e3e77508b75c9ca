package dev.junction.hub.admin;

import dev.junction.api.ConnectorDescriptor;
import dev.junction.hub.Hub;
import dev.junction.hub.plugin.PluginHost;
import dev.junction.hub.plugin.PluginHost.LoadedConnector;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The installed connectors as the API needs them: descriptors read under each plugin's class loader. */
final class ConnectorCatalog {
    private final Hub hub;

    ConnectorCatalog(Hub hub) {
        this.hub = hub;
    }

    record Installed(LoadedConnector loaded, ConnectorDescriptor descriptor) {
    }

    PluginHost plugins() {
        return Ready.of(hub.plugins());
    }

    Optional<Installed> find(String connectorId) {
        if (connectorId == null) {
            return Optional.empty();
        }
        return plugins().connector(connectorId).map(lc -> new Installed(lc,
                PluginHost.withClassLoader(lc.classLoader(), () -> lc.connector().descriptor())));
    }

    /** 400 naming the installed connectors when {@code connectorId} is not one of them. */
    Installed require(String connectorId) {
        return find(connectorId).orElseThrow(() -> ApiException.badRequest("unknown connector '" + connectorId
                + "': installed connectors are " + installedIds() + " (GET /api/v1/plugins lists plugins that failed to load)"));
    }

    List<String> installedIds() {
        return plugins().connectors().keySet().stream().sorted().toList();
    }

    /** Secret setting names of a connection: what it was stored with, plus what its connector declares now. */
    Set<String> secretNames(String connectorId, Set<String> stored) {
        java.util.Set<String> all = new java.util.TreeSet<>(stored == null ? Set.of() : stored);
        find(connectorId).ifPresent(i -> all.addAll(i.descriptor().config().secretNames()));
        return all;
    }
}
