package dev.junction.plugin.dropstream.sftp;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Checks the SFTP server's host key against {@code sftpHostKeyFingerprint} when the merchant set one (the
 * safe choice: it stops a man in the middle from collecting the SFTP password). Without it any key is
 * accepted and its fingerprint logged, so the merchant can copy it into the setting. One verifier serves every
 * session of a client and remembers which sessions it refused. Not as a session attribute: a refused key closes
 * the session, and closing clears its attributes, so the login's failure could find the mark already gone and
 * blame the password.
 */
final class HostKeys implements ServerKeyVerifier {
    private final String expected;
    private final Logger log;
    /** Sessions whose host key was refused; weak, so a session is forgotten with it. */
    private final Set<ClientSession> rejected = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

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
            rejected.add(session);
            log.warn("SFTP server {} presented host key {}, not the configured fingerprint", remote, actual);
        }
        return ok;
    }

    /** Whether this session's host key was refused (the login then fails for that reason, not the password). */
    boolean rejected(ClientSession session) {
        return rejected.contains(session);
    }
}
