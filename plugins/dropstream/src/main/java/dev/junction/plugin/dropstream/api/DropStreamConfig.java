package dev.junction.plugin.dropstream.api;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;

/**
 * A connection's settings, read once. Two credentials: the DropStream API user (token requests) and the
 * warehouse's SFTP account (file exchange), with a password or a PEM private key.
 */
public record DropStreamConfig(String baseUrl, String username, String password, String sftpHost, int sftpPort,
                               String sftpUser, String sftpPassword, String sftpPrivateKey, String sftpHostKeyFingerprint,
                               String inFolder, String outFolder) {
    public static final String DEFAULT_BASE_URL = "https://api.getdropstream.com";

    public static DropStreamConfig from(JsonObject c) {
        String base = text(c, "baseUrl");
        base = base == null ? DEFAULT_BASE_URL : base.replaceAll("/+$", "");
        int port;
        try {
            port = Integer.parseInt(String.valueOf(c.getValue("sftpPort", 22)).trim());
        } catch (NumberFormatException e) {
            throw new PermanentException("'sftpPort' must be a port number such as 22");
        }
        DropStreamConfig config = new DropStreamConfig(base, text(c, "username"), text(c, "password"), text(c, "sftpHost"), port,
                text(c, "sftpUser"), text(c, "sftpPassword"), text(c, "sftpPrivateKey"), text(c, "sftpHostKeyFingerprint"),
                folder(text(c, "sftpInFolder"), "/in"), folder(text(c, "sftpOutFolder"), "/out"));
        if (config.username() == null || config.password() == null) {
            throw new PermanentException("the DropStream API 'username' and 'password' are required: ask your DropStream "
                    + "administrator for an API user");
        }
        if (config.sftpHost() == null || config.sftpUser() == null) {
            throw new PermanentException("'sftpHost' and 'sftpUser' are required: your warehouse or DropStream gives you "
                    + "the SFTP account of the file exchange (DSFX)");
        }
        if (config.sftpPassword() == null && config.sftpPrivateKey() == null) {
            throw new PermanentException("set 'sftpPassword' or 'sftpPrivateKey' (PEM) for SFTP user '" + config.sftpUser() + "'");
        }
        return config;
    }

    private static String folder(String value, String dflt) {
        if (value == null) {
            return dflt;
        }
        String f = value.replaceAll("/+$", "");
        return f.startsWith("/") ? f : "/" + f;
    }

    private static String text(JsonObject c, String key) {
        Object v = c.getValue(key);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).trim();
    }

    /** Secrets are left out, so the record can be logged or shown. */
    @Override
    public String toString() {
        return "DropStreamConfig[baseUrl=" + baseUrl + ", username=" + username + ", sftp=" + sftpUser + "@" + sftpHost + ":"
                + sftpPort + "]";
    }
}
