package dev.junction.sandbox.bench;

import io.vertx.core.json.JsonObject;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a figure was measured on: cores, memory, CPU, JVM, OS and the load average at that moment. */
final class Machine {
    private Machine() {
    }

    static JsonObject describe() {
        return new JsonObject()
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("memoryMb", memTotalMb())
                .put("cpu", cpuModel())
                .put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
                .put("benchJvmMaxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"))
                .put("loadAverage", loadAverage());
    }

    static String text(JsonObject m) {
        return String.format("machine: %d cores (%s), %d MB RAM, %s, %s; load average %s", m.getInteger("cores"),
                m.getString("cpu"), m.getLong("memoryMb"), m.getString("jvm"), m.getString("os"), m.getString("loadAverage"));
    }

    /** The 1, 5 and 15-minute load averages ("1.30 0.55 2.29"): the machine is shared, so every figure names it. */
    static String loadAverage() {
        try {
            String[] p = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return p[0] + " " + p[1] + " " + p[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static long memTotalMb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /** VmRSS and VmHWM (peak resident) of a process, in MB; -1 when unknown. */
    static long[] rssMb(long pid) {
        long rss = -1;
        long hwm = -1;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) rss = Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                if (l.startsWith("VmHWM:")) hwm = Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (Exception e) {
            // gone or not Linux
        }
        return new long[]{rss, hwm};
    }
}
