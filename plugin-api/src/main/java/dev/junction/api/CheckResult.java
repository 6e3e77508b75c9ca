package dev.junction.api;

/**
 * Outcome of a connection check.
 *
 * @param ok     whether the connection works
 * @param reason for a failure, what is wrong and what to do (e.g. "Brightpearl refused the account token:
 *               copy the token again from App Store > Private Apps"); for success, what was verified
 */
public record CheckResult(boolean ok, String reason) {
    public static CheckResult ok(String whatWasVerified) {
        return new CheckResult(true, whatWasVerified);
    }

    public static CheckResult failed(String reason) {
        return new CheckResult(false, reason);
    }
}
