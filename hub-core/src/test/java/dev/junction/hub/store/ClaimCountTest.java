package dev.junction.hub.store;

import dev.junction.hub.secrets.SecretCipher;
import dev.junction.hub.store.hsqldb.HsqldbSyncStore;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Claims are counted, so the engine can tell a record's first hand-over from a repeat after a crash. */
class ClaimCountTest {
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aRecordReleasedAfterACrashIsClaimedAgainWithAHigherCount() throws Exception {
        SyncStore store = HsqldbSyncStore.openInMemory(vertx, "claims-" + UUID.randomUUID(), SecretCipher.ephemeral())
                .await(20, TimeUnit.SECONDS);
        // due: records are due from their ingest time, so claim a little in the future
        Instant now = Instant.now().plusSeconds(60);
        store.ingest(List.of(new NewRecord("f", "src", "items", "a1", "a1", "once", "a1", "{}", now)), null, null)
                .await(5, TimeUnit.SECONDS);
        List<SyncRecord> first = store.claim("f", 10, now, Duration.ofMinutes(15)).await(5, TimeUnit.SECONDS);
        assertThat(first).singleElement().extracting(SyncRecord::claims).isEqualTo(1);
        // the process dies mid-attempt; on start every lease is released
        assertThat(store.releaseExpiredLeases(Instant.parse("9999-01-01T00:00:00Z")).await(5, TimeUnit.SECONDS)).isEqualTo(1);
        List<SyncRecord> again = store.claim("f", 10, now, Duration.ofMinutes(15)).await(5, TimeUnit.SECONDS);
        assertThat(again).singleElement().extracting(SyncRecord::claims).isEqualTo(2);
        store.ingest(List.of(new NewRecord("f", "src", "items", "a1", "a1", "v2", "a1", "{}", now)), null, null)
                .await(5, TimeUnit.SECONDS);
        assertThat(store.countBySource("f", "a1").await(5, TimeUnit.SECONDS)).as("two states of a1").isEqualTo(2);
        assertThat(store.countBySource("f", "other").await(5, TimeUnit.SECONDS)).isZero();
        store.close().await(5, TimeUnit.SECONDS);
    }
}
