package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.RetryableException;

import java.time.Duration;
import java.util.List;

/** A Brightpearl failure worth retrying: an outage (503 without the throttle text) or another 5xx. */
public class BrightpearlRetryableException extends RetryableException implements BrightpearlFailure {
    private final int status;
    private final List<BrightpearlError> errors;

    public BrightpearlRetryableException(String message, Duration retryAfter, int status, List<BrightpearlError> errors) {
        super(message, retryAfter);
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
