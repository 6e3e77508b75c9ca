package dev.junction.hub.store.hsqldb;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit on a one-connection store, whose single worker a test can hold busy: every unit submitted
 * meanwhile is then queued, so the group a writer takes is known exactly, without timing.
 */
class GroupCommitTest {
    Vertx vertx;
    Jdbc jdbc;
    GroupCommit<Integer, Integer> inserts;

    @BeforeEach
    void open() throws Exception {
        vertx = Vertx.vertx();
        String url = "jdbc:hsqldb:mem:group-" + UUID.randomUUID() + ";shutdown=true;hsqldb.tx=mvcc";
        jdbc = vertx.executeBlocking(() -> Jdbc.open(vertx, "group-test-" + UUID.randomUUID(), url, 1))
                .await(10, TimeUnit.SECONDS);
        jdbc.tx(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            }
            return null;
        }).await(10, TimeUnit.SECONDS);
        inserts = new GroupCommit<>(jdbc, 64, (c, id) -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
                ps.setInt(1, id);
                return ps.executeUpdate();
            }
        });
    }

    @AfterEach
    void close() throws Exception {
        jdbc.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** Holds the store's only worker until the returned latch is counted down. */
    private CountDownLatch holdTheWorker() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        jdbc.blocking(() -> {
            holding.countDown();
            return release.await(10, TimeUnit.SECONDS);
        });
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private List<Integer> rows() throws Exception {
        return jdbc.tx(c -> {
            List<Integer> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
            return out;
        }).await(10, TimeUnit.SECONDS);
    }

    @Test
    void unitsQueuedWhileTheStoreIsBusyCommitInOneTransactionAndEachIsDurableWhenItsFutureCompletes() throws Exception {
        CountDownLatch release = holdTheWorker();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            futures.add(inserts.submit(i));
        }
        assertThat(futures).as("nothing is reported written before its commit").noneMatch(Future::isComplete);
        release.countDown();

        Future.all(futures).await(10, TimeUnit.SECONDS);
        assertThat(inserts.largestGroup()).as("one transaction for the ten").isEqualTo(10);
        assertThat(rows()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void oneFailingUnitFailsAloneAndTheOthersOfItsGroupAreStillCommitted() throws Exception {
        inserts.submit(3).await(10, TimeUnit.SECONDS);
        CountDownLatch release = holdTheWorker();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            futures.add(inserts.submit(i)); // 3 exists: a unique violation inside the group
        }
        release.countDown();
        Future.join(futures).otherwiseEmpty().await(10, TimeUnit.SECONDS);

        assertThat(inserts.largestGroup()).as("the five were tried as one group first").isEqualTo(5);
        assertThat(futures.get(2).failed()).isTrue();
        assertThat(futures.get(2).cause()).hasMessageContaining("unique constraint");
        assertThat(futures).filteredOn(f -> f != futures.get(2)).allMatch(Future::succeeded);
        assertThat(rows()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void unitsSubmittedAfterTheStoreClosedFailInsteadOfWaitingForever() throws Exception {
        jdbc.close().await(10, TimeUnit.SECONDS);
        Future<Integer> late = inserts.submit(1);
        Future.join(List.of(late)).otherwiseEmpty().await(10, TimeUnit.SECONDS);
        assertThat(late.failed()).isTrue();
    }
}
