package dev.junction.hub.testing;

import dev.junction.hub.Hub;
import dev.junction.hub.config.HubConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a real hub in this JVM for tests: a home folder with the test connector's plugin zip (built by
 * the reactor) in its plugins folder, an HSQLDB file store, and a config written from JSON.
 */
public final class TestHub {
    public static final String ADMIN_TOKEN = "test-admin-token-123456";
    public static final String SECRET_KEY_B64 = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    private TestHub() {
    }

    /** The test connector's plugin zip, as built by the reactor. */
    public static Path pluginZip() {
        String p = System.getProperty("junction.test.pluginZip");
        if (p == null || !Files.exists(Path.of(p))) {
            throw new IllegalStateException("test connector zip not found at " + p
                    + ": run the tests through Maven from the repository root (mvn verify) so the reactor builds it");
        }
        return Path.of(p);
    }

    /** A home folder with {@code plugins/} holding the test connector zip. */
    public static Path home(Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(pluginZip(), plugins.resolve("test-connector.zip"), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    /** The usual config: one source and one sink connection of the test connector against {@code remote}. */
    public static JsonObject config(TestRemote remote, JsonArray flows) {
        JsonObject settings = new JsonObject().put("baseUrl", remote.baseUrl()).put("token", TestRemote.TOKEN)
                .put("webhookSecret", "hook-secret-abcdef");
        return new JsonObject()
                .put("http", new JsonObject().put("port", 0))
                .put("pluginsDir", "plugins")
                .put("adminToken", ADMIN_TOKEN)
                .put("registerWebhooks", false)
                .put("connections", new JsonArray()
                        .add(new JsonObject().put("id", "src").put("connector", "test-connector").put("settings", settings))
                        .add(new JsonObject().put("id", "dst").put("connector", "test-connector").put("settings", settings.copy())))
                .put("flows", flows);
    }

    public static JsonObject flow(String id, JsonObject triggers) {
        return new JsonObject().put("id", id).put("entity", "item")
                .put("source", new JsonObject().put("connection", "src").put("stream", "items"))
                .put("sink", new JsonObject().put("connection", "dst").put("stream", "items"))
                .put("triggers", triggers)
                .put("retry", new JsonObject().put("maxAttempts", 5).put("base", "PT0.05S").put("max", "PT0.5S"));
    }

    public static Hub start(Vertx vertx, Path home, JsonObject config) throws Exception {
        Path file = home.resolve("hub.json");
        Files.writeString(file, config.encodePrettily());
        HubConfig cfg = HubConfig.load(file, env());
        Hub hub = new Hub(vertx, cfg, env(), Clock.systemUTC());
        return hub.start().await(60, TimeUnit.SECONDS);
    }

    public static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("JUNCTION_SECRET_KEY", SECRET_KEY_B64);
        return env;
    }
}
