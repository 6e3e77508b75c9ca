package dev.junction.hub.admin;

/**
 * The admin routes are mounted before plugins, connections and flows exist (the HTTP server starts first so
 * /health answers during start-up); a request that needs one of them meanwhile is a 503 to retry.
 */
final class Ready {
    private Ready() {
    }

    static <T> T of(T service) {
        if (service == null) {
            throw new ApiException(503, "the hub is still starting; retry in a moment");
        }
        return service;
    }
}
