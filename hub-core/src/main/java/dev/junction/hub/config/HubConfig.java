package dev.junction.hub.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.junction.hub.flow.FlowConfig;
import dev.junction.hub.store.MappingTable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hub's configuration file (YAML or JSON): where it keeps data and plugins, how it listens, and the
 * connections, flows and mapping tables it starts with. {@code ${env:NAME}} (or {@code ${env:NAME:-default}})
 * anywhere in a value is replaced by that environment variable, so secrets need not sit in the file. Relative paths are relative to the
 * file's folder.
 *
 * @param publicUrl the URL remotes use to reach this hub's webhooks (registration); defaults to the listen
 *                  address
 * @param adminToken bearer token of the admin API; null = from JUNCTION_ADMIN_TOKEN, else generated once
 * @param registerWebhooks whether connections register their webhooks at the remotes on start
 */
public record HubConfig(Path home, Path dataDir, Path pluginsDir, String host, int port, String publicUrl,
                        String adminToken, boolean registerWebhooks, List<ConnectionConfig> connections,
                        List<FlowConfig> flows, List<MappingTable> mappingTables) {

    /** A connection declared in the file; stored (secrets encrypted) and started on each start. */
    public record ConnectionConfig(String id, String connector, JsonObject settings) {
    }

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    public static HubConfig load(Path file, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("config file " + file.toAbsolutePath() + " does not exist");
        }
        JsonObject json = readTree(file, env);
        Path dir = file.toAbsolutePath().getParent();
        return fromJson(json, dir, env);
    }

    static JsonObject readTree(Path file, Map<String, String> env) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.stripLeading().startsWith("#")) {
                sb.append(line).append('\n'); // a comment may show the ${env:...} syntax without needing the variable
                continue;
            }
            Matcher m = ENV.matcher(line);
            while (m.find()) {
                String v = env.get(m.group(1));
                if (v == null) {
                    v = m.group(2);
                }
                if (v == null) {
                    missing.add(m.group(1));
                    v = "";
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            sb.append('\n');
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(file + " refers to environment variables that are not set: " + missing);
        }
        ObjectMapper mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        Object tree = mapper.readValue(sb.toString(), Object.class);
        if (!(tree instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + " must hold a mapping (key: value) at the top level");
        }
        @SuppressWarnings("unchecked")
        JsonObject json = new JsonObject((Map<String, Object>) map);
        return json;
    }

    public static HubConfig fromJson(JsonObject json, Path dir, Map<String, String> env) throws IOException {
        Path home = dir.resolve(json.getString("home", "."));
        Path dataDir = home.resolve(json.getString("dataDir", "data"));
        Path pluginsDir = dir.resolve(json.getString("pluginsDir", "plugins"));
        JsonObject http = json.getJsonObject("http", new JsonObject());
        String host = http.getString("host", "127.0.0.1");
        int port = http.getInteger("port", 8080);
        String publicUrl = http.getString("publicUrl");
        List<ConnectionConfig> connections = new ArrayList<>();
        for (Object o : json.getJsonArray("connections", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            if (c.getString("id") == null || c.getString("connector") == null) {
                throw new IllegalArgumentException("every connection needs 'id' and 'connector': " + c.fieldNames());
            }
            connections.add(new ConnectionConfig(c.getString("id"), c.getString("connector"),
                    c.getJsonObject("settings", new JsonObject())));
        }
        List<FlowConfig> flows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Object o : json.getJsonArray("flows", new JsonArray())) {
            addFlow((JsonObject) o, flows, problems);
        }
        if (json.containsKey("flowsDir")) {
            Path flowsDir = dir.resolve(json.getString("flowsDir"));
            try (Stream<Path> s = Files.list(flowsDir)) {
                for (Path f : s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
                    JsonObject tree = readTree(f, env);
                    addFlow(tree, flows, problems);
                }
            }
        }
        Map<String, Long> ids = new LinkedHashMap<>();
        flows.forEach(f -> ids.merge(f.id(), 1L, Long::sum));
        ids.forEach((id, n) -> {
            if (n > 1) problems.add("flow id '" + id + "' is used " + n + " times");
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the flows in the configuration are not valid:\n  - " + String.join("\n  - ", problems));
        }
        List<MappingTable> tables = new ArrayList<>();
        JsonObject mt = json.getJsonObject("mappingTables", new JsonObject());
        for (String name : mt.fieldNames()) {
            JsonObject t = mt.getJsonObject(name);
            Map<String, String> entries = new LinkedHashMap<>();
            t.getJsonObject("entries", new JsonObject()).forEach(e -> entries.put(e.getKey(), String.valueOf(e.getValue())));
            Object def = t.getValue("default");
            tables.add(new MappingTable(name, entries, def == null ? null : String.valueOf(def), List.of(), List.of()));
        }
        return new HubConfig(home, dataDir, pluginsDir, host, port, publicUrl, json.getString("adminToken"),
                json.getBoolean("registerWebhooks", true), connections, flows, tables);
    }

    private static void addFlow(JsonObject json, List<FlowConfig> flows, List<String> problems) {
        try {
            flows.add(FlowConfig.fromJson(json));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    public String effectivePublicUrl(int actualPort) {
        return publicUrl != null ? publicUrl.replaceAll("/$", "") : "http://" + host + ":" + actualPort;
    }
}
