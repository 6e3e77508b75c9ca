package dev.junction.plugin.dropstream.sftp;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.error.SyncException;
import dev.junction.plugin.dropstream.api.DropStreamConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.slf4j.Logger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;

/**
 * Runs SFTP work on a worker thread ({@code executeBlocking}), never on the event loop: one SSH session per
 * unit of work (a sink write, a poll page), closed afterwards, so no idle connection is left for the
 * warehouse's server to cut. The SSH client under the sessions (its I/O threads and timers) is shared and
 * started on first use, and stopped once no unit of work has run for {@link #IDLE_CLOSE}, so a connection
 * that is no longer used (stopped, or replaced when its settings change) leaves no threads behind.
 *
 * <p>Why shared: a client per unit of work was started and stopped with it, and stopping a client while the
 * JDK still delivered its last socket read made SSHD's executor throw "Executor has been shut down" from the
 * JDK's I/O thread (seen in a demo run). A client stopped after a quiet minute has no session, so no read left.
 *
 * <p>Failures become what the hub acts on: a refused login or host key is permanent (a person must fix the
 * settings), an unreachable server or a broken transfer retryable.
 */
public final class SftpGateway {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** How long the shared SSH client outlives the last unit of work. */
    static final Duration IDLE_CLOSE = Duration.ofSeconds(60);

    @FunctionalInterface
    public interface Work<T> {
        T run(SftpSession sftp) throws IOException;
    }

    private final Vertx vertx;
    private final DropStreamConfig config;
    private final Logger log;
    private final Duration idleClose;
    private final HostKeys hostKeys;
    private SshClient client; // guarded by this
    private int active; // units of work under way; guarded by this
    private long idleTimer = -1; // guarded by this
    private int clientStarts; // guarded by this

    public SftpGateway(Vertx vertx, DropStreamConfig config, Logger log) {
        this(vertx, config, log, IDLE_CLOSE);
    }

    SftpGateway(Vertx vertx, DropStreamConfig config, Logger log, Duration idleClose) {
        this.vertx = vertx;
        this.config = config;
        this.log = log;
        this.idleClose = idleClose;
        this.hostKeys = new HostKeys(config.sftpHostKeyFingerprint(), log);
    }

    public <T> Future<T> run(Work<T> work) {
        // SSHD finds its security providers reflectively through the thread's context class loader. Worker
        // threads carry the host's loader, which may hold another copy of SSHD (the sandbox's SFTP server
        // in the demo), so the plugin's own loader is set for the duration of the work.
        return vertx.executeBlocking(() -> withPluginLoader(() -> {
            SshClient shared = acquire();
            try {
                return runBlocking(shared, work);
            } finally {
                release();
            }
        }), false);
    }

    private static <T> T withPluginLoader(java.util.concurrent.Callable<T> code) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(SftpGateway.class.getClassLoader());
        try {
            return code.call();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    /** The shared client, started if it is not running; counts a unit of work under way. */
    private synchronized SshClient acquire() {
        active++;
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
            idleTimer = -1;
        }
        if (client == null) {
            client = SshClient.setUpDefaultClient();
            client.setServerKeyVerifier(hostKeys);
            client.start();
            clientStarts++;
        }
        return client;
    }

    /** Ends a unit of work; the last one out arms the idle stop. */
    private synchronized void release() {
        if (--active == 0 && client != null) {
            SshClient idle = client;
            idleTimer = vertx.setTimer(idleClose.toMillis(), t -> stopIfIdle(idle));
        }
    }

    private void stopIfIdle(SshClient idle) {
        synchronized (this) {
            if (active > 0 || client != idle) {
                return;
            }
            client = null;
            idleTimer = -1;
        }
        vertx.executeBlocking(() -> withPluginLoader(() -> {
            idle.stop();
            return null;
        }), false).onFailure(e -> log.debug("stopping the idle SFTP client: {}", e.toString()));
    }

    /** How many times a client was started, and whether one is running now (for tests). */
    synchronized int clientStarts() {
        return clientStarts;
    }

    synchronized boolean clientRunning() {
        return client != null;
    }

    private <T> T runBlocking(SshClient client, Work<T> work) {
        String where = config.sftpUser() + "@" + config.sftpHost() + ":" + config.sftpPort();
        try (ClientSession session = client.connect(config.sftpUser(), config.sftpHost(), config.sftpPort())
                .verify(TIMEOUT).getSession()) {
            login(session, where);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                return work.run(new SftpSession(sftp));
            }
        } catch (SyncException e) {
            throw e;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_PERMISSION_DENIED) {
                throw new PermanentException("the SFTP server " + where + " denied access (" + e.getMessage()
                        + "): ask the warehouse to give this user read and write access to " + config.inFolder()
                        + " and " + config.outFolder(), e);
            }
            throw new RetryableException("SFTP " + where + ": " + e.getMessage(), null, e);
        } catch (ConnectException | UnknownHostException e) {
            throw new RetryableException("could not reach the SFTP server " + config.sftpHost() + ":" + config.sftpPort()
                    + " (" + e.getMessage() + "); check 'sftpHost' and 'sftpPort' and that the server is up", null, e);
        } catch (IOException | RuntimeException e) {
            throw new RetryableException("SFTP " + where + " failed: " + e.getMessage(), null, e);
        }
    }

    private void login(ClientSession session, String where) {
        try {
            if (config.sftpPrivateKey() != null) {
                for (KeyPair kp : keys()) {
                    session.addPublicKeyIdentity(kp);
                }
            }
            if (config.sftpPassword() != null) {
                session.addPasswordIdentity(config.sftpPassword());
            }
            session.auth().verify(TIMEOUT);
        } catch (SyncException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (hostKeys.rejected(session)) {
                throw new PermanentException("the SFTP server " + config.sftpHost() + ":" + config.sftpPort()
                        + " presented a host key whose fingerprint is not 'sftpHostKeyFingerprint': confirm the fingerprint "
                        + "with the warehouse before changing the setting");
            }
            throw new PermanentException("the SFTP server refused the login of " + where + ": check 'sftpUser' and "
                    + (config.sftpPrivateKey() != null ? "'sftpPrivateKey' (and that its public key is authorised on the server)"
                    : "'sftpPassword'"));
        }
    }

    private Iterable<KeyPair> keys() {
        try {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("sftpPrivateKey"),
                    new ByteArrayInputStream(config.sftpPrivateKey().getBytes(StandardCharsets.UTF_8)), null);
            if (keys == null || !keys.iterator().hasNext()) {
                throw new IllegalArgumentException("no key found");
            }
            return keys;
        } catch (Exception e) {
            throw new PermanentException("'sftpPrivateKey' could not be read as an unencrypted PEM or OpenSSH private key: "
                    + "paste the whole key including its BEGIN and END lines");
        }
    }

    /** The fingerprint a host key has, as {@code sftpHostKeyFingerprint} is written (e.g. {@code SHA256:...}). */
    public static String fingerprint(java.security.PublicKey key) {
        return KeyUtils.getFingerPrint(key);
    }

    DropStreamConfig config() {
        return config;
    }
}
