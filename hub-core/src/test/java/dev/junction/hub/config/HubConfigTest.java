package dev.junction.hub.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubConfigTest {
    @TempDir
    Path dir;

    @Test
    void environmentValuesDefaultsAndCommentsAreHandled() throws Exception {
        Path f = dir.resolve("hub.yaml");
        Files.writeString(f, """
                # secrets: write ${env:NAME} and export NAME (a comment, not a requirement)
                http:
                  port: ${env:HUB_PORT:-9191}
                adminToken: ${env:TOKEN}
                """);
        HubConfig cfg = HubConfig.load(f, Map.of("TOKEN", "s3cret-token"));
        assertThat(cfg.port()).isEqualTo(9191);
        assertThat(cfg.adminToken()).isEqualTo("s3cret-token");
    }

    @Test
    void missingVariablesAreAllNamedAndBadFlowsListEveryProblem() throws Exception {
        Path f = dir.resolve("hub.yaml");
        Files.writeString(f, "adminToken: ${env:A}\nhome: ${env:B}\n");
        assertThatThrownBy(() -> HubConfig.load(f, Map.of())).hasMessageContaining("not set: [A, B]");
        Files.writeString(f, """
                flows:
                  - id: Bad Id
                    sink: { connection: x }
                    triggers: { pollEvery: hourly }
                """);
        assertThatThrownBy(() -> HubConfig.load(f, Map.of()))
                .hasMessageContaining("'id' must be lower-case")
                .hasMessageContaining("'source' is required")
                .hasMessageContaining("'sink.stream' is required")
                .hasMessageContaining("'triggers.pollEvery' must be an ISO-8601 duration");
    }
}
