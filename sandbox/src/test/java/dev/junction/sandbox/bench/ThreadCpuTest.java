package dev.junction.sandbox.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadCpuTest {

    @Test
    void threadsAreGroupedByTheNamesTheKernelKeeps() {
        assertThat(ThreadCpu.group("C2 CompilerThre")).isEqualTo(ThreadCpu.JIT);
        assertThat(ThreadCpu.group("C1 CompilerThre")).isEqualTo(ThreadCpu.JIT);
        assertThat(ThreadCpu.group("GC Thread#1")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.group("G1 Conc#0")).isEqualTo(ThreadCpu.GC);
        assertThat(ThreadCpu.group("vert.x-eventloo")).isEqualTo(ThreadCpu.EVENT_LOOPS);
        assertThat(ThreadCpu.group("junction-store-")).isEqualTo(ThreadCpu.STORE);
        assertThat(ThreadCpu.group("process reaper")).isEqualTo(ThreadCpu.OTHER);
    }

    @Test
    void aDeltaIsSplitPerOrderInReportOrder() {
        ThreadCpu before = new ThreadCpu(Map.of(ThreadCpu.JIT, 1_000L, ThreadCpu.EVENT_LOOPS, 500L));
        ThreadCpu after = new ThreadCpu(Map.of(ThreadCpu.JIT, 1_300L, ThreadCpu.EVENT_LOOPS, 2_500L, ThreadCpu.STORE, 100L));

        ThreadCpu delta = after.since(before);

        assertThat(delta.perOrder(1_000).encode()).isEqualTo("{\"jit\":0.3,\"eventLoops\":2.0,\"store\":0.1}");
        assertThat(delta.text(1_000)).isEqualTo("jit 0.30, eventLoops 2.00, store 0.10");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisProcessSpendsCpuOnItsOwnThreads() {
        ThreadCpu before = ThreadCpu.self();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long spin = 0;
        long end = threads.getCurrentThreadCpuTime() + 300_000_000L; // 300 ms of this thread's own CPU
        while (threads.getCurrentThreadCpuTime() < end) spin += System.nanoTime() % 7;
        ThreadCpu spent = ThreadCpu.self().since(before);

        assertThat(spin).isPositive();
        long total = spent.msByGroup().values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isGreaterThanOrEqualTo(280); // ticks of 10 ms
    }
}
