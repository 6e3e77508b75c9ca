package dev.junction.hub.plugin;

import dev.junction.api.Connector;
import dev.junction.hub.testing.TestHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plugin host against real plugin zips: good, failing on start, unreadable, and requiring a newer hub. */
class PluginHostTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheConnectorFromARealZipWithTheHostsSharedClasses() throws IOException {
        Files.copy(TestHub.pluginZip(), dir.resolve("test-connector.zip"));
        try (PluginHost host = new PluginHost(dir, "0.1.0")) {
            host.start();
            PluginHost.LoadedConnector lc = host.connector("test-connector").orElseThrow();
            assertThat(lc.connector().getClass().getClassLoader()).as("plugin code has its own loader")
                    .isNotSameAs(Connector.class.getClassLoader()).isInstanceOf(HostFirstClassLoader.class);
            assertThat(lc.connector()).as("the plugin's Connector is the host's Connector type").isInstanceOf(Connector.class);
            assertThat(host.statuses()).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo("STARTED");
                assertThat(s.connectors()).containsExactly("test-connector");
                assertThat(s.error()).isNull();
            });
        }
    }

    @Test
    void aPluginWhoseStartThrowsIsReportedAndSkippedWhileOthersLoad() throws IOException {
        Files.copy(TestHub.pluginZip(), dir.resolve("test-connector.zip"));
        Path failing = dir.resolve("failing.zip");
        Files.copy(TestHub.pluginZip(), failing);
        rewriteProperties(failing, Map.of("plugin.id", "failing-plugin", "plugin.class", "dev.junction.testconnector.FailingPlugin"));
        try (PluginHost host = new PluginHost(dir, "0.1.0")) {
            host.start();
            assertThat(host.connector("test-connector")).isPresent();
            PluginStatus bad = host.statuses().stream().filter(s -> s.id().equals("failing-plugin")).findFirst().orElseThrow();
            assertThat(bad.state()).isEqualTo("FAILED");
            assertThat(bad.error()).contains("fails on purpose");
        }
    }

    @Test
    void anUnreadableZipIsReportedAndSkipped() throws IOException {
        Files.copy(TestHub.pluginZip(), dir.resolve("test-connector.zip"));
        Files.writeString(dir.resolve("broken.zip"), "this is not a zip file");
        try (PluginHost host = new PluginHost(dir, "0.1.0")) {
            host.start();
            assertThat(host.connector("test-connector")).isPresent();
            assertThat(host.statuses()).anySatisfy(s -> {
                assertThat(s.state()).isEqualTo("LOAD_FAILED");
                assertThat(s.id()).isEqualTo("broken.zip");
                assertThat(s.error()).startsWith("could not be loaded");
            });
        }
    }

    @Test
    void aPluginRequiringANewerHubIsDisabledWithTheReason() throws IOException {
        Path zip = dir.resolve("future.zip");
        Files.copy(TestHub.pluginZip(), zip);
        rewriteProperties(zip, Map.of("plugin.requires", ">=9.0.0"));
        try (PluginHost host = new PluginHost(dir, "0.1.0")) {
            host.start();
            assertThat(host.connector("test-connector")).isEmpty();
            assertThat(host.statuses()).singleElement().satisfies(s -> {
                assertThat(s.state()).isEqualTo("DISABLED");
                assertThat(s.error()).contains(">=9.0.0").contains("0.1.0");
            });
        }
    }

    /** Replaces keys in the zip's root plugin.properties. */
    private static void rewriteProperties(Path zip, Map<String, String> changes) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Path props = fs.getPath("/plugin.properties");
            StringBuilder sb = new StringBuilder();
            for (String line : Files.readAllLines(props)) {
                String key = line.contains("=") ? line.substring(0, line.indexOf('=')) : "";
                if (!changes.containsKey(key)) {
                    sb.append(line).append('\n');
                }
            }
            changes.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            try (OutputStream out = Files.newOutputStream(props)) {
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
    }
}
