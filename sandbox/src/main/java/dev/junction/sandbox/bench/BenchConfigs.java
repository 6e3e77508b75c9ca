package dev.junction.sandbox.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.junction.sandbox.Sandbox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Hub configurations generated for a scenario from the demo's ({@code config/demo/hub.yaml}: the same
 * connections, flows and mapping tables), keeping only the connections and flows the scenario needs,
 * pointed at this run's simulators and a free hub port, with its own home under the bench work folder.
 */
final class BenchConfigs {
    static final String ADMIN_TOKEN = "bench-admin-token";
    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private BenchConfigs() {
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param flowOverrides per flow id, keys merged into that flow (e.g. concurrency, triggers)
     */
    static JsonObject build(Path root, Sandbox sandbox, int hubPort, Path home, Path plugins, Set<String> connections,
                            Set<String> flows, Map<String, JsonObject> flowOverrides) {
        Map<String, String> env = new HashMap<>();
        env.put("JUNCTION_DEMO_PORT", String.valueOf(hubPort));
        env.put("JUNCTION_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("JUNCTION_DEMO_BRIGHTPEARL_URL", sandbox.baseUrl("brightpearl"));
        env.put("JUNCTION_DEMO_BIGCOMMERCE_URL", sandbox.baseUrl("bigcommerce"));
        env.put("JUNCTION_DEMO_SHIPHERO_URL", sandbox.baseUrl("shiphero"));
        env.put("JUNCTION_DEMO_STARSHIPIT_URL", sandbox.baseUrl("starshipit"));
        env.put("JUNCTION_DEMO_DROPSTREAM_URL", sandbox.baseUrl("dropstream"));
        env.put("JUNCTION_DEMO_SFTP_PORT", String.valueOf(sandbox.sftpPort()));
        JsonObject demo = demo(root.resolve("config/demo/hub.yaml"), env);
        JsonArray conns = new JsonArray();
        for (Object o : demo.getJsonArray("connections")) {
            if (connections.contains(((JsonObject) o).getString("id"))) conns.add(o);
        }
        applySettingOverrides(conns, System.getProperty("junction.bench.settings", ""));
        JsonArray fl = new JsonArray();
        for (Object o : demo.getJsonArray("flows")) {
            JsonObject f = (JsonObject) o;
            if (!flows.contains(f.getString("id"))) continue;
            JsonObject over = flowOverrides.get(f.getString("id"));
            if (over != null) f.mergeIn(over, true);
            fl.add(f);
        }
        demo.put("home", home.toAbsolutePath().toString()).put("pluginsDir", plugins.toAbsolutePath().toString())
                .put("connections", conns).put("flows", fl);
        return demo;
    }

    /**
     * {@code -Djunction.bench.settings=brightpearl.writeConcurrency=1,brightpearl.batchWrites=false}: connection
     * settings changed for one run, to measure a setting's effect without editing the demo config.
     */
    static void applySettingOverrides(JsonArray connections, String spec) {
        for (String item : spec.split(",")) {
            if (item.isBlank()) continue;
            int dot = item.indexOf('.');
            int eq = item.indexOf('=');
            if (dot < 1 || eq < dot + 2) {
                throw new IllegalArgumentException("junction.bench.settings wants connection.key=value[,...], got '" + item + "'");
            }
            String id = item.substring(0, dot).trim();
            boolean found = false;
            for (Object o : connections) {
                JsonObject c = (JsonObject) o;
                if (id.equals(c.getString("id"))) {
                    c.getJsonObject("settings").put(item.substring(dot + 1, eq).trim(), item.substring(eq + 1).trim());
                    found = true;
                }
            }
            if (!found) throw new IllegalArgumentException("junction.bench.settings: no connection '" + id + "' in this scenario");
        }
    }

    static JsonObject demo(Path file, Map<String, String> env) {
        try {
            String text = Files.readString(file);
            Matcher m = ENV.matcher(text);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = env.getOrDefault(m.group(1), m.group(2) == null ? "" : m.group(2));
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = new ObjectMapper(new YAMLFactory()).readValue(sb.toString(), Map.class);
            return new JsonObject(tree).copy();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** Writes the config as JSON into {@code dir/hub.json}, which {@code junction run --config} also reads. */
    static Path write(JsonObject config, Path dir) {
        try {
            Files.createDirectories(dir);
            Path f = dir.resolve("hub.json");
            Files.writeString(f, config.encodePrettily());
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void wipe(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
