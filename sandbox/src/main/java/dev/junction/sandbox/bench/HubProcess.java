package dev.junction.sandbox.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hub in its own JVM ({@code junction run --config ...}, same class path as this one), for figures that
 * need a process of their own: time to {@code /ready}, resident memory, heap under {@code -Xmx}. Heap is
 * read with {@code jstat -gc} (S0U+S1U+EU+OU: used heap after the last sampled moment, not a GC log).
 */
final class HubProcess implements AutoCloseable {
    private final Process process;
    private final long startedNanos;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong peakHeapKb = new AtomicLong(-1);
    private volatile boolean sampling;
    private Thread sampler;

    /** The collector settings ./junction runs the hub with (see the launcher for why). */
    static final List<String> HUB_GC = List.of("-XX:MaxGCPauseMillis=10", "-XX:-G1UseAdaptiveIHOP",
            "-XX:InitiatingHeapOccupancyPercent=30");

    private HubProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static HubProcess start(Path config, Path log, List<String> jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(HUB_GC); // as ./junction runs the hub
        cmd.addAll(jvmArgs);
        // e.g. -Djunction.bench.hubJvmArgs="-XX:StartFlightRecording=filename=hub.jfr" to profile the hub alone
        String extra = System.getProperty("junction.bench.hubJvmArgs", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("-Djunction.root=" + System.getProperty("junction.root", "."));
        cmd.add("dev.junction.hub.cli.Main");
        cmd.add("run");
        cmd.add("--config");
        cmd.add(config.toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        long t = System.nanoTime();
        return new HubProcess(pb.start(), t);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Milliseconds from process start until {@code GET /ready} answers 200 (polled every 10 ms); -1 on timeout. */
    long awaitReady(int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
            Workload.sleep(10);
        }
        return -1;
    }

    /** Used heap in KB from {@code jstat -gc <pid>}; -1 if jstat is unavailable. */
    long heapUsedKb() {
        try {
            Process p = new ProcessBuilder("jstat", "-gc", String.valueOf(pid())).redirectErrorStream(true).start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String l;
                while ((l = r.readLine()) != null) lines.add(l.trim());
            }
            p.waitFor(10, TimeUnit.SECONDS);
            if (lines.size() < 2) return -1;
            String[] head = lines.get(0).split("\\s+");
            String[] vals = lines.get(1).split("\\s+");
            double used = 0;
            for (int i = 0; i < head.length && i < vals.length; i++) {
                if (head[i].equals("S0U") || head[i].equals("S1U") || head[i].equals("EU") || head[i].equals("OU")) {
                    used += Double.parseDouble(vals[i]);
                }
            }
            return (long) used;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Samples used heap every {@code everyMs} in a daemon thread until {@link #close()}. */
    void sampleHeap(long everyMs) {
        sampling = true;
        sampler = new Thread(() -> {
            while (sampling && process.isAlive()) {
                long kb = heapUsedKb();
                peakHeapKb.accumulateAndGet(kb, Math::max);
                Workload.sleep(everyMs);
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    long peakHeapMb() {
        long kb = peakHeapKb.get();
        return kb < 0 ? -1 : kb / 1024;
    }

    @Override
    public void close() {
        sampling = false;
        process.destroy(); // SIGTERM: the hub stops cleanly
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
