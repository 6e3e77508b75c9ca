package dev.junction.testconnector;

import org.pf4j.Plugin;

/**
 * A plugin whose start throws, for the hub's "a broken plugin does not take the hub down" test (the test
 * copies this module's zip under another id with {@code plugin.class} pointing here).
 */
public final class FailingPlugin extends Plugin {
    @Override
    public void start() {
        throw new IllegalStateException("this plugin fails on purpose while starting");
    }
}
