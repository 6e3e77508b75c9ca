package dev.junction.plugin.starshipit.client;

import dev.junction.api.error.PermanentException;

import java.util.List;

/**
 * Starshipit refused a request for a reason repeating will not fix (validation, bad keys, unknown order).
 * Keeps the HTTP status and Starshipit's own error messages, so callers can word the merchant's message
 * around them.
 */
public final class StarshipitRejection extends PermanentException {
    private final int status;
    private final List<String> errors;

    public StarshipitRejection(String message, int status, List<String> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    /** Starshipit's own messages, each "message (details)". */
    public List<String> errors() {
        return errors;
    }
}
