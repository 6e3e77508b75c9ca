package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;

import java.util.List;

/** Brightpearl refused a request in a way that repeating will not fix (validation, bad filter, auth). */
public class BrightpearlPermanentException extends PermanentException implements BrightpearlFailure {
    private final int status;
    private final List<BrightpearlError> errors;

    public BrightpearlPermanentException(String message, int status, List<BrightpearlError> errors) {
        super(message);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public List<BrightpearlError> errors() {
        return errors;
    }
}
