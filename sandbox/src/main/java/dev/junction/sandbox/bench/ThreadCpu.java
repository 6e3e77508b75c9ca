package dev.junction.sandbox.bench;

import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A process's CPU time by kind of thread, from {@code /proc/<pid>/task/<tid>/stat} (Linux; empty elsewhere).
 * "CPU per order" alone cannot tell an order's own work from the JVM's: the JIT compiles for a minute or more
 * after start and the garbage collector's cost follows the heap, so a run that is short, or slow, counts
 * both against fewer orders. Splitting the total says which it was.
 *
 * <p>Threads that ended between two snapshots take their time with them; the groups are long-lived
 * threads (compiler, GC, event loops, the store's worker), so the loss is the odd short task.
 */
record ThreadCpu(Map<String, Long> msByGroup) {
    /** Kinds of thread, in report order; a thread's name (as the kernel keeps it, 15 characters) decides. */
    static final String JIT = "jit", GC = "gc", EVENT_LOOPS = "eventLoops", STORE = "store", OTHER = "other";

    static String group(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) return JIT;
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) return GC;
        if (threadName.startsWith("vert.x-eventloo")) return EVENT_LOOPS;
        if (threadName.startsWith("junction-store")) return STORE;
        return OTHER;
    }

    /** Now, for process {@code pid}; empty when /proc cannot be read. */
    static ThreadCpu of(long pid) {
        Map<String, Long> ms = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(tasks)) {
            for (Path task : dir) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    ms.merge(group(name), cpuMs(stat), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while listed
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(ms);
    }

    /** User + system CPU of one {@code /proc/.../stat} line (a process's or a thread's), in ms. */
    static long cpuMs(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime + stime, in ticks of USER_HZ = 100
    }

    static ThreadCpu self() {
        return of(ProcessHandle.current().pid());
    }

    ThreadCpu since(ThreadCpu before) {
        Map<String, Long> d = new TreeMap<>();
        msByGroup.forEach((g, ms) -> d.put(g, ms - before.msByGroup.getOrDefault(g, 0L)));
        return new ThreadCpu(d);
    }

    /** Milliseconds per order by group, in the order above, e.g. {@code {"jit":0.21,"gc":0.08,...}}. */
    JsonObject perOrder(long orders) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, Double> e : perOrderMap(orders).entrySet()) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** e.g. "jit 0.21, gc 0.08, eventLoops 1.02, store 0.45, other 0.03" (ms per order). */
    String text(long orders) {
        StringBuilder sb = new StringBuilder();
        perOrderMap(orders).forEach((g, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(g).append(' ').append(String.format("%.2f", v)));
        return sb.isEmpty() ? "unavailable (no /proc)" : sb.toString();
    }

    private Map<String, Double> perOrderMap(long orders) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String g : new String[]{JIT, GC, EVENT_LOOPS, STORE, OTHER}) {
            Long ms = msByGroup.get(g);
            if (ms != null) out.put(g, Math.round(ms * 1000.0 / Math.max(1, orders)) / 1000.0);
        }
        return out;
    }
}
