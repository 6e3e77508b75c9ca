package dev.junction.plugin.dropstream.sftp;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;

import java.net.SocketAddress;
import java.security.PublicKey;

/**
 * Checks the SFTP server's host key against {@code sftpHostKeyFingerprint} when the merchant set one (the
 * safe choice: it stops a man in the middle from collecting the SFTP password). Without it any key is
 * accepted and its fingerprint logged, so the merchant can copy it into the setting. One verifier serves every
 * session of a client; a rejection is marked on the session it concerns.
 */
final class HostKeys implements ServerKeyVerifier {
    private final String expected;
    private final Logger log;
    private static final AttributeRepository.AttributeKey<Boolean> REJECTED = new AttributeRepository.AttributeKey<>();

    HostKeys(String expected, Logger log) {
        this.expected = expected;
        this.log = log;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        String actual = KeyUtils.getFingerPrint(key);
        if (expected == null) {
            log.debug("SFTP server {} presented host key {}; set 'sftpHostKeyFingerprint' to pin it", remote, actual);
            return true;
        }
        String want = expected.trim();
        boolean ok = actual.equals(want) || actual.endsWith(":" + want) || actual.replace("=", "").equals(want.replace("=", ""));
        if (!ok) {
            session.setAttribute(REJECTED, Boolean.TRUE);
            log.warn("SFTP server {} presented host key {}, not the configured fingerprint", remote, actual);
        }
        return ok;
    }

    /** Whether this session's host key was refused (the login then fails for that reason, not the password). */
    static boolean rejected(ClientSession session) {
        return Boolean.TRUE.equals(session.getAttribute(REJECTED));
    }
}
