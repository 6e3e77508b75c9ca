package dev.junction.hub.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SecretCipherTest {

    @TempDir
    Path dataDir;

    @Test
    void encryptsToAVersionedStringAndBack() {
        SecretCipher cipher = SecretCipher.ephemeral();
        String sealed = cipher.encrypt("pat-123 ünïcode");

        assertThat(sealed).startsWith("enc:v1:").doesNotContain("pat-123");
        // 12-byte IV + 15 bytes of UTF-8 + 16-byte tag
        assertThat(Base64.getDecoder().decode(sealed.substring("enc:v1:".length()))).hasSize(12 + 17 + 16);
        assertThat(cipher.decrypt(sealed)).isEqualTo("pat-123 ünïcode");
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        SecretCipher cipher = SecretCipher.ephemeral();
        assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
    }

    @Test
    void aWrongKeyIsAClearErrorNeverGarbage() {
        String sealed = SecretCipher.ephemeral().encrypt("secret");

        assertThatThrownBy(() -> SecretCipher.ephemeral().decrypt(sealed))
                .isInstanceOf(WrongSecretKeyException.class)
                .hasMessage("cannot decrypt connection secrets: the key in JUNCTION_SECRET_KEY / secret.key "
                        + "is not the one they were encrypted with");
    }

    @Test
    void aTamperedValueIsRejected() {
        SecretCipher cipher = SecretCipher.ephemeral();
        byte[] raw = Base64.getDecoder().decode(cipher.encrypt("secret").substring(7));
        raw[raw.length - 20] ^= 1;
        String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(WrongSecretKeyException.class);
        assertThatThrownBy(() -> cipher.decrypt("clear")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher.decrypt("enc:v1:!!")).hasMessageContaining("corrupt");
    }

    @Test
    void theKeyComesFromTheEnvironmentWhenSet() throws Exception {
        byte[] key = SecretCipher.newKey();
        Map<String, String> env = Map.of(SecretCipher.ENV_VAR, Base64.getEncoder().encodeToString(key));

        String sealed = SecretCipher.load(env, dataDir).encrypt("x");

        assertThat(SecretCipher.of(key).decrypt(sealed)).isEqualTo("x");
        assertThat(Files.exists(dataDir.resolve(SecretCipher.KEY_FILE))).as("no key file when the env has one").isFalse();
    }

    @Test
    void aMalformedEnvironmentKeyIsRefusedWithoutEchoingIt() {
        String notAKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes());
        assertThatThrownBy(() -> SecretCipher.load(Map.of(SecretCipher.ENV_VAR, notAKey), dataDir))
                .hasMessageContaining("JUNCTION_SECRET_KEY").hasMessageContaining("32 bytes")
                .hasMessageNotContaining(notAKey);
        assertThatThrownBy(() -> SecretCipher.load(Map.of(SecretCipher.ENV_VAR, "not base64 ***"), dataDir))
                .hasMessageContaining("not valid base64");
    }

    @Test
    void aKeyFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
        SecretCipher first = SecretCipher.load(Map.of(), dataDir);
        Path file = dataDir.resolve(SecretCipher.KEY_FILE);
        assertThat(file).exists();
        String content = Files.readString(file);
        assertThat(Base64.getDecoder().decode(content.strip())).hasSize(32);

        SecretCipher second = SecretCipher.load(Map.of(), dataDir);
        assertThat(Files.readString(file)).isEqualTo(content);
        assertThat(second.decrypt(first.encrypt("token"))).isEqualTo("token");

        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aCorruptKeyFileIsAClearError() throws Exception {
        Files.writeString(dataDir.resolve(SecretCipher.KEY_FILE), "short");
        assertThatThrownBy(() -> SecretCipher.load(Map.of(), dataDir)).hasMessageContaining("secret.key");
    }
}
