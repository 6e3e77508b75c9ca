package dev.junction.sandbox.brightpearl;

/**
 * A Brightpearl-shaped failure thrown by a route and rendered by {@link BpHttp}: either the usual
 * {@code {"errors":[{"code","message"}]}} envelope or, for auth and throttling, a bare string in
 * {@code {"response": "..."}} (that is how the real API answers 401 and 503).
 */
public final class BpException extends RuntimeException {
    private final int status;
    private final String code;
    private final boolean responseString;

    private BpException(int status, String code, String message, boolean responseString) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.responseString = responseString;
    }

    public static BpException error(int status, String code, String message) {
        return new BpException(status, code, message, false);
    }

    public static BpException badRequest(String code, String message) {
        return error(400, code, message);
    }

    public static BpException notFound(String message) {
        return error(404, "CMNC-404", message);
    }

    /** 500 CMNC-018: Brightpearl answers an unparseable search filter with a server error. */
    public static BpException badFilter(String name, String value, String type) {
        return error(500, "CMNC-018", "The filter " + name + "=" + value + " cannot be parsed as: " + type);
    }

    public static BpException noBody() {
        return badRequest("CMNC-010", "No JSON body was found in the request, or it could not be parsed.");
    }

    /** A body of {@code {"response": message}}, as for 401 and 503. */
    public static BpException responseText(int status, String message) {
        return new BpException(status, null, message, true);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean responseString() {
        return responseString;
    }
}
