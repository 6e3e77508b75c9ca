package dev.junction.hub.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts secrets at rest with AES-256-GCM. Each value gets a fresh random 12-byte IV; the output is
 * {@code enc:v1:<base64(iv | ciphertext | tag)>}, versioned so the scheme can change without guessing.
 *
 * <p>The key comes from {@value #ENV_VAR} (base64 of 32 bytes) when set, so that container deployments can
 * keep it out of the data volume; otherwise from {@code <dataDir>/}{@value #KEY_FILE}, created on first
 * start readable by the owner only. Neither the key nor any clear value is ever logged or put in a message.
 */
public final class SecretCipher {
    public static final String ENV_VAR = "JUNCTION_SECRET_KEY";
    public static final String KEY_FILE = "secret.key";
    public static final String PREFIX = "enc:v1:";

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = LoggerFactory.getLogger(SecretCipher.class);

    private final SecretKeySpec key;

    private SecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a secret key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A cipher over the given 32-byte key. */
    public static SecretCipher of(byte[] key) {
        return new SecretCipher(key);
    }

    /** A cipher over a fresh random key: in-memory stores and tests, where nothing outlives the process. */
    public static SecretCipher ephemeral() {
        return new SecretCipher(newKey());
    }

    /** A fresh random key, e.g. for an operator to put in {@value #ENV_VAR}. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * The hub's cipher: the key from {@code env}'s {@value #ENV_VAR} if set, else from (or newly created)
     * {@code dataDir/secret.key}.
     */
    public static SecretCipher load(Map<String, String> env, Path dataDir) {
        String fromEnv = env.get(ENV_VAR);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new SecretCipher(decodeKey(fromEnv, ENV_VAR));
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            return new SecretCipher(decodeKey(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    public String encrypt(String clear) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The clear value of an {@link #encrypt} output.
     *
     * @throws WrongSecretKeyException if the value was sealed with another key (or altered)
     * @throws IllegalArgumentException if the value is not in a format this version knows
     */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new IllegalArgumentException("not an encrypted value (expected the " + PREFIX + " prefix)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an encrypted value is corrupt (bad base64)");
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("an encrypted value is corrupt (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            byte[] clear = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            // GCM's tag check is what tells a wrong key apart from a right one: never return garbage.
            throw new WrongSecretKeyException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    private static byte[] decodeKey(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret key in " + where + " is not valid base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key in " + where + " must be the base64 of "
                    + KEY_BYTES + " bytes, it has " + key.length);
        }
        return key;
    }

    /** Creates the key file owner-only from the first byte written, so there is no window where it is open. */
    private static void createKeyFile(Path file) throws IOException {
        byte[] content = Base64.getEncoder().encode(newKey());
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
                var f = file.toFile();
                f.setReadable(false, false);
                f.setWritable(false, false);
                f.setReadable(true, true);
                f.setWritable(true, true);
            }
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first; use theirs
        }
        Files.write(file, content, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        LOG.warn("created a new secret key in {}: back it up with the data, connection secrets cannot be read without it",
                file);
    }
}
