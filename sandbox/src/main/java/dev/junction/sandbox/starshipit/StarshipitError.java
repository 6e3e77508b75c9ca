package dev.junction.sandbox.starshipit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A request Starshipit refuses: answered {@code {"success":false,"errors":[{"message","details"}]}} with a status. */
final class StarshipitError extends RuntimeException {
    final int status;
    final String details;

    StarshipitError(int status, String message, String details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    JsonObject body() {
        return envelope(getMessage(), details);
    }

    static JsonObject envelope(String message, String details) {
        return new JsonObject().put("success", false)
                .put("errors", new JsonArray().add(new JsonObject().put("message", message).put("details", details)));
    }
}
