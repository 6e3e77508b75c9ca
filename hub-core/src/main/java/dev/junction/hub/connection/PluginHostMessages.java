package dev.junction.hub.connection;

/** Turns a plugin's exception into one line for an operator. */
final class PluginHostMessages {
    private PluginHostMessages() {
    }

    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
