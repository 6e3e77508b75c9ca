package dev.junction.hub.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The admin API's bearer token: from the config file, else {@code JUNCTION_ADMIN_TOKEN}, else generated on
 * first start into {@code <data>/admin.token} (owner-only) and printed once.
 *
 * @param generated true only on the start that created it
 */
public record AdminToken(String value, boolean generated, Path file) {
    public static final String ENV_VAR = "JUNCTION_ADMIN_TOKEN";

    public static AdminToken resolve(String configured, Map<String, String> env, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new AdminToken(configured, false, null);
        }
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new AdminToken(fromEnv, false, null);
        }
        Path file = dataDir.resolve("admin.token");
        try {
            if (Files.exists(file)) {
                return new AdminToken(Files.readString(file).trim(), false, file);
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, token);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the data folder's own permissions apply
            }
            return new AdminToken(token, true, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin token file " + file, e);
        }
    }

    /** Constant-time comparison of a presented token. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
