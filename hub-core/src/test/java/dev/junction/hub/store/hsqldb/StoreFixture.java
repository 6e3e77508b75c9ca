package dev.junction.hub.store.hsqldb;

import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.store.NewRecord;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A fresh in-memory store per test, on a clock the test moves by hand. */
abstract class StoreFixture {
    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    Vertx vertx;
    HsqldbSyncStore store;
    String dbName;
    final MutableClock clock = new MutableClock(T0);
    final SecretCipher cipher = SecretCipher.ephemeral();

    @BeforeEach
    void openStore() {
        vertx = Vertx.vertx();
        dbName = "test-" + UUID.randomUUID();
        store = await(HsqldbSyncStore.openInMemory(vertx, dbName, cipher, clock));
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            await(store.close());
        }
        await(vertx.close());
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw JDBC connection to the test's database, to look at what is really stored. */
    Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:mem:" + dbName, "SA", "");
    }

    static NewRecord rec(String flow, String sourceId, String contentKey) {
        return rec(flow, sourceId, sourceId, contentKey);
    }

    static NewRecord rec(String flow, String sourceId, String entityKey, String contentKey) {
        return new NewRecord(flow, "bc", "orders", sourceId, entityKey, contentKey, "order " + sourceId,
                "{\"id\":\"" + sourceId + "\",\"v\":\"" + contentKey + "\"}", T0.minusSeconds(60));
    }

    /** A clock tests set explicitly; stamps created_at/updated_at. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        void advance(java.time.Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
