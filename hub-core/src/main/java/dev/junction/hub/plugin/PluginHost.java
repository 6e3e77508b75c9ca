package dev.junction.hub.plugin;

import dev.junction.api.Connector;
import org.pf4j.CompoundPluginLoader;
import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads connector plugins (pf4j zips or jars) from the hub's plugins folder. A plugin that cannot be read,
 * requires a newer hub, or throws while starting is reported and skipped; the hub keeps running.
 */
public final class PluginHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** A connector and the class loader its code runs under (set as the context loader on every call). */
    public record LoadedConnector(String pluginId, Connector connector, ClassLoader classLoader) {
    }

    private final Path pluginsDir;
    private final String hubVersion;
    private final Manager manager;
    private final Map<Path, String> loadFailures = new LinkedHashMap<>();
    private final Map<String, LoadedConnector> connectors = new LinkedHashMap<>();
    private final Map<String, String> connectorErrors = new LinkedHashMap<>();

    public PluginHost(Path pluginsDir, String hubVersion) {
        this.pluginsDir = pluginsDir;
        this.hubVersion = hubVersion;
        this.manager = new Manager(pluginsDir);
        this.manager.setSystemVersion(hubVersion);
    }

    /** Loads and starts every plugin in the folder, then collects their connectors. Never throws for a bad plugin. */
    public void start() {
        for (Path path : candidates()) {
            try {
                String id = manager.loadPlugin(path);
                if (id == null) {
                    loadFailures.put(path, "not a plugin: no plugin.properties or manifest descriptor found");
                }
            } catch (RuntimeException e) {
                String reason = rootMessage(e);
                loadFailures.put(path, reason);
                LOG.error("Plugin {} could not be loaded and is skipped: {}", path.getFileName(), reason);
            }
        }
        for (PluginWrapper w : manager.getPlugins()) {
            if (w.getPluginState() == PluginState.DISABLED) {
                LOG.error("Plugin {} is disabled: it requires hub {} but this hub is {}", w.getPluginId(),
                        w.getDescriptor().getRequires(), hubVersion);
            }
        }
        manager.startPlugins();
        for (PluginWrapper w : manager.getPlugins()) {
            if (w.getPluginState() == PluginState.FAILED) {
                LOG.error("Plugin {} failed to start and is skipped: {}", w.getPluginId(), rootMessage(w.getFailedException()));
                continue;
            }
            if (w.getPluginState() != PluginState.STARTED) {
                continue;
            }
            try {
                for (Connector c : manager.getExtensions(Connector.class, w.getPluginId())) {
                    String id = withClassLoader(w.getPluginClassLoader(), () -> c.descriptor().id());
                    if (connectors.containsKey(id)) {
                        connectorErrors.put(w.getPluginId(), "connector id '" + id + "' is already provided by plugin "
                                + connectors.get(id).pluginId() + "; this copy is ignored");
                        LOG.error("Plugin {}: {}", w.getPluginId(), connectorErrors.get(w.getPluginId()));
                        continue;
                    }
                    connectors.put(id, new LoadedConnector(w.getPluginId(), c, w.getPluginClassLoader()));
                    LOG.info("Plugin {} {} provides connector '{}'", w.getPluginId(), w.getDescriptor().getVersion(), id);
                }
            } catch (RuntimeException | LinkageError e) {
                connectorErrors.put(w.getPluginId(), "its connector could not be created: " + rootMessage(e));
                LOG.error("Plugin {}: {}", w.getPluginId(), connectorErrors.get(w.getPluginId()));
            }
        }
    }

    public Optional<LoadedConnector> connector(String id) {
        return Optional.ofNullable(connectors.get(id));
    }

    public Map<String, LoadedConnector> connectors() {
        return Map.copyOf(connectors);
    }

    public List<PluginStatus> statuses() {
        List<PluginStatus> out = new ArrayList<>();
        for (PluginWrapper w : manager.getPlugins()) {
            PluginDescriptor d = w.getDescriptor();
            List<String> provided = connectors.entrySet().stream()
                    .filter(e -> e.getValue().pluginId().equals(w.getPluginId())).map(Map.Entry::getKey).toList();
            String state = w.getPluginState().toString();
            String error = switch (w.getPluginState()) {
                case FAILED -> "failed to start: " + rootMessage(w.getFailedException());
                case DISABLED -> "disabled: requires hub " + d.getRequires() + ", this hub is " + hubVersion;
                default -> connectorErrors.get(w.getPluginId());
            };
            out.add(new PluginStatus(w.getPluginId(), d.getVersion(), d.getRequires(), state, error, w.getPluginPath(), provided));
        }
        loadFailures.forEach((path, reason) -> out.add(new PluginStatus(path.getFileName().toString(), null, null,
                "LOAD_FAILED", "could not be loaded: " + reason, path, List.of())));
        return out;
    }

    public Path pluginsDir() {
        return pluginsDir;
    }

    /** Runs {@code call} with {@code loader} as the thread's context class loader, restoring it after. */
    public static <T> T withClassLoader(ClassLoader loader, java.util.function.Supplier<T> call) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return call.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() {
        try {
            // pf4j's stopPlugins()/unloadPlugins() change the lists they iterate; work from a copy instead,
            // stopping in reverse start order as pf4j would.
            List<String> started = new ArrayList<>(manager.getStartedPlugins().stream().map(PluginWrapper::getPluginId).toList());
            java.util.Collections.reverse(started);
            for (String id : started) {
                manager.stopPlugin(id);
            }
            for (String id : manager.getPlugins().stream().map(PluginWrapper::getPluginId).toList()) {
                manager.unloadPlugin(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("Stopping plugins: {}", rootMessage(e));
        }
    }

    /** Zips and jars in the folder, plus already-expanded plugin folders whose zip is gone. */
    private List<Path> candidates() {
        if (!Files.isDirectory(pluginsDir)) {
            LOG.warn("Plugins folder {} does not exist: no connectors will be available", pluginsDir);
            return List.of();
        }
        try (Stream<Path> s = Files.list(pluginsDir)) {
            List<Path> all = s.sorted(Comparator.comparing(Path::toString)).toList();
            List<Path> out = new ArrayList<>();
            for (Path p : all) {
                String name = p.getFileName().toString();
                if (name.endsWith(".zip") || name.endsWith(".jar")) {
                    out.add(p);
                } else if (Files.isDirectory(p) && !all.contains(p.resolveSibling(name + ".zip"))) {
                    out.add(p);
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list plugins folder " + pluginsDir, e);
        }
    }

    static String rootMessage(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    /** pf4j's manager with host-first class loaders; zips are expanded next to themselves. */
    private static final class Manager extends DefaultPluginManager {
        Manager(Path dir) {
            super(dir);
        }

        @Override
        protected PluginLoader createPluginLoader() {
            return new CompoundPluginLoader()
                    .add(new HostFirstDirectoryLoader(this))
                    .add(new HostFirstJarLoader(this));
        }

        /** Loads expanded zips from a folder; pf4j expands the zip before asking loaders. */
        @Override
        public String loadPlugin(Path pluginPath) {
            Path path = pluginPath;
            if (path.getFileName().toString().endsWith(".zip")) {
                try {
                    path = org.pf4j.util.FileUtils.expandIfZip(path);
                } catch (java.io.IOException e) {
                    throw new org.pf4j.PluginRuntimeException(e, "cannot expand {}", pluginPath);
                }
            }
            return super.loadPlugin(path);
        }
    }

    private static final class HostFirstDirectoryLoader extends DefaultPluginLoader {
        HostFirstDirectoryLoader(PluginManager manager) {
            super(manager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
            return new HostFirstClassLoader(pluginManager, descriptor, getClass().getClassLoader());
        }
    }

    private static final class HostFirstJarLoader extends JarPluginLoader {
        HostFirstJarLoader(PluginManager manager) {
            super(manager);
        }

        @Override
        public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
            HostFirstClassLoader loader = new HostFirstClassLoader(pluginManager, descriptor, getClass().getClassLoader());
            loader.addFile(pluginPath.toFile());
            return loader;
        }
    }
}
