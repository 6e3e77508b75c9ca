package dev.junction.hub.logging;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret value the hub has decrypted (connection passwords, tokens, the admin token) is registered
 * here, and the log layout replaces any occurrence with {@code ***}: a plugin or library that logs a URL,
 * header or exception holding a secret still cannot leak it to the log.
 */
public final class SecretMasker {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /** Shorter values would mask ordinary words; real secrets are longer. */
    private static final int MIN_LENGTH = 6;

    private SecretMasker() {
    }

    public static void register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            SECRETS.add(secret);
        }
    }

    public static String mask(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : SECRETS) {
            if (out.contains(s)) {
                out = out.replace(s, "***");
            }
        }
        return out;
    }
}
