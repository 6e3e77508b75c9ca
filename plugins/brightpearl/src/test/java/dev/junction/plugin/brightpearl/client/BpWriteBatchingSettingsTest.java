package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BpWriteBatchingSettingsTest {

    @Test
    void defaultsBatchWithTwoSlotsAndNoLinger() {
        assertThat(WriteBatching.from(new JsonObject())).isEqualTo(new WriteBatching(true, 2, 0));
        assertThat(WriteBatching.from(new JsonObject().put("batchWrites", "false").put("writeConcurrency", "5")
                .put("writeLingerMs", 10))).isEqualTo(new WriteBatching(false, 5, 10));
    }

    @Test
    void badValuesSayWhatToFix() {
        assertThatThrownBy(() -> WriteBatching.from(new JsonObject().put("writeConcurrency", 0)))
                .isInstanceOf(PermanentException.class).hasMessage("'writeConcurrency' must be between 1 and 64, got 0");
        assertThatThrownBy(() -> WriteBatching.from(new JsonObject().put("writeLingerMs", 5000)))
                .isInstanceOf(PermanentException.class).hasMessage("'writeLingerMs' must be between 0 and 1000, got 5000");
        assertThatThrownBy(() -> WriteBatching.from(new JsonObject().put("writeLingerMs", "soon")))
                .isInstanceOf(PermanentException.class).hasMessageContaining("must be a whole number");
        assertThatThrownBy(() -> WriteBatching.from(new JsonObject().put("batchWrites", "yes")))
                .isInstanceOf(PermanentException.class).hasMessageContaining("true or false");
    }
}
