package dev.junction.plugin.brightpearl.client;

/**
 * One error as Brightpearl reported it: the {@code code} of an {@code errors[]} entry (null when the body was
 * a bare string in {@code response}, as for 401 and 503), its message, and the HTTP status.
 */
public record BrightpearlError(String code, String message, int status) {

    @Override
    public String toString() {
        return code == null ? message : code + " " + message;
    }
}
