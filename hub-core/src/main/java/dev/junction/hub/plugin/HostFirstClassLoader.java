package dev.junction.hub.plugin;

import org.pf4j.ClassLoadingStrategy;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

import java.util.List;

/**
 * A plugin class loader that always takes the host's copy of the shared libraries (plugin API, Vert.x,
 * Netty, Jackson, SLF4J, pf4j), even if a plugin wrongly bundles its own. Two copies of one of these
 * classes is how integration hubs end up with "ClassCastException: X cannot be cast to X" after a reload;
 * this rules it out by construction. Everything else is plugin-first, so plugins may use their own
 * versions of other libraries.
 */
final class HostFirstClassLoader extends PluginClassLoader {
    static final List<String> HOST_PACKAGES = List.of(
            "dev.junction.api.", "io.vertx.", "io.netty.", "com.fasterxml.jackson.", "org.slf4j.", "org.pf4j.");

    HostFirstClassLoader(PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
        super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
    }

    @Override
    protected boolean shouldDelegateToParent(String className) {
        for (String p : HOST_PACKAGES) {
            if (className.startsWith(p)) {
                return true;
            }
        }
        return super.shouldDelegateToParent(className);
    }
}
