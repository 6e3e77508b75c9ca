package dev.junction.plugin.dropstream.sftp;

import dev.junction.api.error.PermanentException;
import dev.junction.plugin.dropstream.Sandbox;
import dev.junction.plugin.dropstream.api.DropStreamConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway against the simulator's real SFTP server: one shared SSH client, stopped when idle. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpGatewayTest {
    private Vertx vertx;
    private Sandbox sandbox;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx);
    }

    @AfterAll
    void stop() throws Exception {
        sandbox.stop();
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    private SftpGateway gateway(JsonObject settings, Duration idleClose) {
        return new SftpGateway(vertx, DropStreamConfig.from(settings), LoggerFactory.getLogger(SftpGatewayTest.class), idleClose);
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void unitsOfWorkShareOneClientWhichStopsWhenIdleAndStartsAgainWhenNeeded() throws Exception {
        SftpGateway sftp = gateway(sandbox.settings(), Duration.ofMillis(300));

        for (int i = 0; i < 5; i++) {
            int n = i;
            await(sftp.run(s -> {
                s.ensureFolder("/scratch"); // not a folder the warehouse reads or writes
                s.write("/scratch/gateway-test-" + n + ".txt", "line " + n);
                return null;
            }));
        }
        assertThat(sftp.clientStarts()).as("one client for five units of work").isEqualTo(1);
        assertThat(sandbox.files("scratch")).contains("gateway-test-0.txt", "gateway-test-4.txt");

        long deadline = System.currentTimeMillis() + 10_000;
        while (sftp.clientRunning() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(sftp.clientRunning()).as("stopped after the idle period").isFalse();

        String read = await(sftp.run(s -> s.read("/scratch/gateway-test-4.txt")));
        assertThat(read).isEqualTo("line 4");
        assertThat(sftp.clientStarts()).isEqualTo(2);
    }

    @Test
    void aHostKeyThatIsNotThePinnedOneFailsPermanentlyAndSaysSo() {
        SftpGateway sftp = gateway(sandbox.settings().put("sftpHostKeyFingerprint", "SHA256:notTheServersKeyAtAll"),
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> await(sftp.run(s -> s.exists("/in"))))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PermanentException.class).hasMessageContaining("host key");
    }

    @Test
    void aWrongPasswordFailsPermanentlyNamingTheSetting() {
        SftpGateway sftp = gateway(sandbox.settings().put("sftpPassword", "not-the-password"), Duration.ofSeconds(1));

        assertThatThrownBy(() -> await(sftp.run(s -> s.exists("/in"))))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PermanentException.class).hasMessageContaining("'sftpPassword'");
    }
}
