package dev.junction.sandbox.dropstream;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The warehouse's SFTP server: Apache MINA SSHD on 127.0.0.1, SFTP subsystem only (no shell or exec), a
 * virtual file system rooted in one directory, password and public-key authentication for one user. The
 * host key is generated in memory on start. All methods block: call them from a worker thread.
 */
final class DropStreamSftp {
    static final String IN = "in";
    static final String OUT = "out";
    static final String ARCHIVE = "in/archive";
    static final String REJECTED = "in/rejected";

    private final DropStreamOptions options;
    private SshServer server;
    private Path root;
    private boolean ownRoot;

    DropStreamSftp(DropStreamOptions options) {
        this.options = options;
    }

    /** Creates the root and folders and starts listening; returns the actual port. */
    int start() throws IOException {
        ownRoot = options.sftpRoot() == null;
        root = ownRoot ? Files.createTempDirectory("dropstream-sftp-") : options.sftpRoot();
        createFolders();
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(options.sftpPort());
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        sshd.setPasswordAuthenticator((user, password, session) -> options.sftpUser().equals(user)
                && options.sftpPassword() != null && options.sftpPassword().equals(password));
        List<java.security.PublicKey> keys = options.sftpAuthorizedKeys();
        sshd.setPublickeyAuthenticator((user, key, session) -> options.sftpUser().equals(user)
                && keys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder().build()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
        sshd.start();
        server = sshd;
        return sshd.getPort();
    }

    void createFolders() throws IOException {
        for (String folder : List.of(IN, OUT, ARCHIVE, REJECTED)) Files.createDirectories(root.resolve(folder));
    }

    /** Empties every folder (reset), keeping the folder structure. */
    void wipe() throws IOException {
        if (root == null) return;
        for (String folder : List.of(ARCHIVE, REJECTED, IN, OUT)) {
            try (var files = Files.list(root.resolve(folder))) {
                for (Path p : files.toList()) {
                    if (Files.isRegularFile(p)) Files.deleteIfExists(p);
                }
            }
        }
    }

    Path root() {
        return root;
    }

    int port() {
        return server == null ? -1 : server.getPort();
    }

    void stop() throws IOException {
        if (server != null) server.stop(true);
        server = null;
        if (ownRoot && root != null && Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
