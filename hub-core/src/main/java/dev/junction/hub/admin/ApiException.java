package dev.junction.hub.admin;

import java.util.List;

/**
 * A request the API refuses, with the HTTP status and a message that says what to fix. Validation
 * failures carry every problem at once, so a form can be corrected in one pass.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final List<String> problems;

    ApiException(int status, String message) {
        this(status, message, List.of());
    }

    ApiException(int status, String message, List<String> problems) {
        super(message, null, false, false); // no stack trace: this is an answer, not a bug
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** 400 listing every problem, the message being the summary followed by the problems. */
    static ApiException invalid(String summary, List<String> problems) {
        return new ApiException(400, summary + ": " + String.join("; ", problems), problems);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    int status() {
        return status;
    }

    List<String> problems() {
        return problems;
    }
}
