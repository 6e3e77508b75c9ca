package dev.junction.sandbox.dropstream;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;

/**
 * Settings of the DropStream simulator.
 *
 * @param username          API user (HTTP Basic on {@code POST /auth/token})
 * @param password          its password
 * @param seed              seeds ids, tokens and tracking numbers
 * @param tokenTtl          lifetime of an access token; afterwards the API answers 401
 * @param sftpUser          SFTP user name
 * @param sftpPassword      SFTP password (null: password auth refused)
 * @param sftpAuthorizedKeys public keys accepted for {@code sftpUser}
 * @param sftpPort          SFTP port on 127.0.0.1; 0 picks a free one (see {@code GET /_sandbox/sftp})
 * @param sftpRoot          directory served as the SFTP root; null: a fresh temporary directory
 * @param pollInterval      how often the warehouse looks for order files in {@code /in}
 * @param shipAfter         the warehouse ships each ingested order this long after reading it;
 *                          {@link Duration#ZERO} means only when told
 * @param warehouseCode     code of the seeded warehouse (the {@code warehouse} column of inventory files)
 */
public record DropStreamOptions(String username, String password, long seed, Duration tokenTtl, String sftpUser,
                                String sftpPassword, List<PublicKey> sftpAuthorizedKeys, int sftpPort, Path sftpRoot,
                                Duration pollInterval, Duration shipAfter, String warehouseCode) {

    public static final String DEFAULT_USERNAME = "api@merchant.test";
    public static final String DEFAULT_PASSWORD = "dropstream-sandbox";
    public static final String DEFAULT_SFTP_USER = "warehouse";
    public static final String DEFAULT_SFTP_PASSWORD = "sftp-sandbox";

    public DropStreamOptions {
        sftpAuthorizedKeys = sftpAuthorizedKeys == null ? List.of() : List.copyOf(sftpAuthorizedKeys);
    }

    public static DropStreamOptions defaults() {
        return new DropStreamOptions(DEFAULT_USERNAME, DEFAULT_PASSWORD, 42L, Duration.ofHours(1), DEFAULT_SFTP_USER,
                DEFAULT_SFTP_PASSWORD, List.of(), 0, null, Duration.ofMillis(500), Duration.ofSeconds(2), "MAIN");
    }

    /** Defaults for tests: fast polling, and the warehouse ships only when told. */
    public static DropStreamOptions forTests() {
        return defaults().withPollInterval(Duration.ofMillis(50)).withShipAfter(Duration.ZERO);
    }

    public DropStreamOptions withShipAfter(Duration d) {
        return new DropStreamOptions(username, password, seed, tokenTtl, sftpUser, sftpPassword, sftpAuthorizedKeys,
                sftpPort, sftpRoot, pollInterval, d, warehouseCode);
    }

    public DropStreamOptions withPollInterval(Duration d) {
        return new DropStreamOptions(username, password, seed, tokenTtl, sftpUser, sftpPassword, sftpAuthorizedKeys,
                sftpPort, sftpRoot, d, shipAfter, warehouseCode);
    }

    public DropStreamOptions withTokenTtl(Duration ttl) {
        return new DropStreamOptions(username, password, seed, ttl, sftpUser, sftpPassword, sftpAuthorizedKeys,
                sftpPort, sftpRoot, pollInterval, shipAfter, warehouseCode);
    }

    public DropStreamOptions withAuthorizedKeys(List<PublicKey> keys) {
        return new DropStreamOptions(username, password, seed, tokenTtl, sftpUser, sftpPassword, keys,
                sftpPort, sftpRoot, pollInterval, shipAfter, warehouseCode);
    }

    public DropStreamOptions withSftpRoot(Path root) {
        return new DropStreamOptions(username, password, seed, tokenTtl, sftpUser, sftpPassword, sftpAuthorizedKeys,
                sftpPort, root, pollInterval, shipAfter, warehouseCode);
    }
}
