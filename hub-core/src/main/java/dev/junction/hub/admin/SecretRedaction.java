package dev.junction.hub.admin;

import dev.junction.hub.logging.SecretMasker;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Secrets never leave the hub through the API: a secret setting is rendered as {@link #PLACEHOLDER}, and a
 * placeholder sent back keeps the stored value, so a UI can show and re-submit a form without ever
 * holding the secret.
 */
final class SecretRedaction {
    static final String PLACEHOLDER = "********";

    private SecretRedaction() {
    }

    /** A copy of {@code settings} with each set secret replaced by the placeholder. */
    static JsonObject redact(JsonObject settings, Set<String> secretNames) {
        JsonObject out = settings.copy();
        for (String name : secretNames) {
            Object v = out.getValue(name);
            if (v != null && !(v instanceof String s && s.isEmpty())) {
                out.put(name, PLACEHOLDER);
            }
        }
        return out;
    }

    /** Settings ready to validate and store, or the placeholders that have no stored value to keep. */
    record Restored(JsonObject settings, List<String> problems) {
    }

    /**
     * Replaces each secret sent as the placeholder with the value stored for it.
     *
     * @param stored the settings stored for this connection (of the same connector), empty if none
     */
    static Restored restore(JsonObject incoming, JsonObject stored, Set<String> secretNames) {
        JsonObject out = incoming.copy();
        List<String> problems = new ArrayList<>();
        for (String name : secretNames) {
            if (!PLACEHOLDER.equals(out.getValue(name))) {
                continue;
            }
            Object kept = stored.getValue(name);
            if (kept == null) {
                problems.add("'" + name + "' was sent as " + PLACEHOLDER + " (keep the stored value) but no value is stored"
                        + " for it: send the real value");
            } else {
                out.put(name, kept);
            }
        }
        return new Restored(out, problems);
    }

    /** Makes the log layout mask these secrets from now on (before anything can log them). */
    static void registerWithLogMasker(JsonObject settings, Set<String> secretNames) {
        for (String name : secretNames) {
            Object v = settings.getValue(name);
            if (v != null) {
                SecretMasker.register(String.valueOf(v));
            }
        }
    }

    /** Text from a connector or remote (a check reason, a start error) with any known secret masked. */
    static String mask(String text) {
        return SecretMasker.mask(text);
    }
}
