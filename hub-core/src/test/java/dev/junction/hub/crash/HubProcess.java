package dev.junction.hub.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A hub running as its own JVM ({@code junction run}), so a test can kill it for real. */
final class HubProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("Junction is running: admin API (http://\\S+)/api/v1");

    private final Process process;
    private final CompletableFuture<String> url = new CompletableFuture<>();
    private final StringBuffer output = new StringBuffer();

    private HubProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
            url.completeExceptionally(new IllegalStateException("hub exited before it was ready:\n" + output));
        }, "hub-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    static HubProcess start(Path config, String secretKey) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.junction.hub.cli.Main", "run", "--config", config.toString()));
        pb.environment().put("JUNCTION_SECRET_KEY", secretKey);
        pb.redirectErrorStream(true);
        return new HubProcess(pb.start());
    }

    String awaitReady() throws Exception {
        return url.get(60, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hooks, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
