package dev.junction.sandbox.dropstream;

import dev.junction.sandbox.core.SimulatorServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A DropStream simulator on free ports, an HTTP client, and SFTP helpers (run on the test thread). */
final class DropStreamHarness implements AutoCloseable {
    final SimulatorServer server;
    final DropStreamSimulator simulator;
    final WebClient client;
    final int sftpPort;
    private final SshClient ssh;

    private DropStreamHarness(SimulatorServer server, DropStreamSimulator simulator, WebClient client, int sftpPort) {
        this.server = server;
        this.simulator = simulator;
        this.client = client;
        this.sftpPort = sftpPort;
        this.ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        ssh.start();
    }

    static DropStreamHarness start(Vertx vertx, DropStreamOptions options) throws Exception {
        DropStreamSimulator sim = new DropStreamSimulator(options);
        SimulatorServer server = await(new SimulatorServer(sim, options.seed()).start(vertx, 0));
        return new DropStreamHarness(server, sim, WebClient.create(vertx), await(sim.sftpReady()));
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Polls {@code condition} until true or 5 s pass. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    HttpResponse<Buffer> control(String method, String path, JsonObject body) throws Exception {
        return await(client.requestAbs(io.vertx.core.http.HttpMethod.valueOf(method), server.baseUrl() + path).sendJsonObject(body));
    }

    ClientSession session(String password, KeyPair key) throws Exception {
        ClientSession s = ssh.connect(DropStreamOptions.DEFAULT_SFTP_USER, "127.0.0.1", sftpPort).verify(5, TimeUnit.SECONDS).getSession();
        if (password != null) s.addPasswordIdentity(password);
        if (key != null) s.addPublicKeyIdentity(key);
        s.auth().verify(5, TimeUnit.SECONDS);
        return s;
    }

    SftpClient sftp() throws Exception {
        return SftpClientFactory.instance().createSftpClient(session(DropStreamOptions.DEFAULT_SFTP_PASSWORD, null));
    }

    /** Uploads as {@code name.tmp} and renames, as the DSFX doc asks. */
    static void upload(SftpClient sftp, String path, String content) throws Exception {
        try (OutputStream out = sftp.write(path + ".tmp")) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        sftp.rename(path + ".tmp", path);
    }

    static String read(SftpClient sftp, String path) throws Exception {
        try (InputStream in = sftp.read(path); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    static List<String> list(SftpClient sftp, String dir) {
        List<String> names = new ArrayList<>();
        try {
            for (SftpClient.DirEntry e : sftp.readDir(dir)) {
                if (e.getAttributes().isRegularFile()) names.add(e.getFilename());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    @Override
    public void close() throws Exception {
        ssh.stop();
        await(simulator.close());
        await(server.stop());
    }
}
