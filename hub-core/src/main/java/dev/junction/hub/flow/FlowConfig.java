package dev.junction.hub.flow;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One flow as configured (YAML or JSON under {@code config/}): a source stream of one connection, mappers
 * and transforms, a sink stream of another connection, its triggers and limits.
 *
 * @param entity      what the records are ({@code order}, {@code fulfilment}, ...): names the id links the
 *                    hub writes between source and sink ids
 * @param mappers     mapper names registered by the source connection, in order; empty = the mapper named
 *                    after the source stream whose output the sink accepts
 * @param concurrency records of this flow in flight at once
 * @param maxAttempts retryable failures before a record is FAILED (throttling does not count)
 * @param resyncOnChange true (default): each new state of a source record is synced again; false: a source
 *                    record is synced once, later versions are duplicates (a store order becomes one sales
 *                    order; its later status changes are another flow's business), and thin webhooks for ids
 *                    already stored are acknowledged without fetching them
 * @param outage      when the sink's remote counts as down, and how it is probed (see {@link OutageGate})
 */
public record FlowConfig(String id, String description, Endpoint source, Endpoint sink, String entity,
                         List<String> mappers, List<Transform> transforms, Triggers triggers, int concurrency,
                         int maxAttempts, Duration retryBase, Duration retryMax, boolean resyncOnChange,
                         Outage outage) {

    /**
     * @param after    transient failures in a row (no success between) after which the remote counts as down
     * @param probe    first wait between probes while it is down; doubles on each failed probe
     * @param probeMax longest wait between probes
     */
    public record Outage(int after, Duration probe, Duration probeMax) {
    }

    public record Endpoint(String connection, String stream, JsonObject options) {
        public Endpoint {
            options = options == null ? new JsonObject() : options;
        }

        public String label() {
            return connection + "/" + stream;
        }
    }

    /**
     * @param webhook       accept records from the source connection's webhooks
     * @param pollEvery     interval poll from the cursor (the "hourly sweep"), null for none
     * @param overlap       how far before the cursor each poll re-reads, for late-arriving records
     * @param startFrom     where the first poll starts when there is no cursor (go-live), null = now - overlap
     * @param schedules     cron-timed reconcile windows (e.g. nightly at 03:00 over 24 h)
     * @param pollTimeout   the longest one page of a poll may take; a source that never answers (a lost
     *                      future in a plugin) fails that run instead of stalling the flow's polls for good
     */
    public record Triggers(boolean webhook, Duration pollEvery, Duration overlap, Instant startFrom,
                           List<Schedule> schedules, Duration pollTimeout) {
        public Triggers {
            pollTimeout = pollTimeout == null ? Duration.ofMinutes(5) : pollTimeout;
            overlap = overlap == null ? Duration.ofMinutes(5) : overlap;
            schedules = schedules == null ? List.of() : List.copyOf(schedules);
        }
    }

    /** At times matching {@code cron}, re-read the last {@code window} of the source (reconciliation). */
    public record Schedule(String cron, Duration window) {
    }

    public FlowConfig {
        mappers = mappers == null ? List.of() : List.copyOf(mappers);
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
        entity = entity == null || entity.isBlank() ? "record" : entity;
    }

    /**
     * Reads a flow from its JSON/YAML tree. Every problem is reported at once, each naming the field, so an
     * operator fixes a config in one pass.
     */
    public static FlowConfig fromJson(JsonObject json) {
        List<String> problems = new ArrayList<>();
        String id = json.getString("id");
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            problems.add("'id' must be lower-case letters, digits and '-', got " + (id == null ? "nothing" : "'" + id + "'"));
        }
        String where = "flow '" + id + "': ";
        Endpoint source = endpoint(json.getJsonObject("source"), "source", problems);
        Endpoint sink = endpoint(json.getJsonObject("sink"), "sink", problems);
        List<String> mappers = new ArrayList<>();
        JsonArray ms = json.getJsonArray("mappers", new JsonArray());
        ms.forEach(m -> mappers.add(String.valueOf(m)));
        List<Transform> transforms = new ArrayList<>();
        JsonArray ts = json.getJsonArray("transforms", new JsonArray());
        for (int i = 0; i < ts.size(); i++) {
            try {
                transforms.add(Transform.fromJson(ts.getJsonObject(i)));
            } catch (IllegalArgumentException e) {
                problems.add("transforms[" + i + "]: " + e.getMessage());
            }
        }
        Triggers triggers = triggers(json.getJsonObject("triggers", new JsonObject()), problems);
        int concurrency = json.getInteger("concurrency", 4);
        if (concurrency < 1 || concurrency > 256) {
            problems.add("'concurrency' must be between 1 and 256, got " + concurrency);
        }
        JsonObject retry = json.getJsonObject("retry", new JsonObject());
        int maxAttempts = retry.getInteger("maxAttempts", 10);
        Duration base = duration(retry.getString("base", "PT2S"), "retry.base", problems);
        Duration max = duration(retry.getString("max", "PT30M"), "retry.max", problems);
        int outageAfter = retry.getInteger("outageAfter", 5);
        if (outageAfter < 1) {
            problems.add("'retry.outageAfter' must be at least 1, got " + outageAfter);
        }
        Duration probe = duration(retry.getString("probe", "PT2S"), "retry.probe", problems);
        Duration probeMax = duration(retry.getString("probeMax", "PT15S"), "retry.probeMax", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(where + String.join("; ", problems));
        }
        return new FlowConfig(id, json.getString("description", ""), source, sink, json.getString("entity"), mappers,
                transforms, triggers, concurrency, maxAttempts, base, max, json.getBoolean("resyncOnChange", true),
                new Outage(outageAfter, probe, probeMax));
    }

    private static Endpoint endpoint(JsonObject json, String name, List<String> problems) {
        if (json == null) {
            problems.add("'" + name + "' is required: {connection: <id>, stream: <name>, options: {...}}");
            return null;
        }
        String connection = json.getString("connection");
        String stream = json.getString("stream");
        if (connection == null || connection.isBlank()) {
            problems.add("'" + name + ".connection' is required");
        }
        if (stream == null || stream.isBlank()) {
            problems.add("'" + name + ".stream' is required");
        }
        return new Endpoint(connection, stream, json.getJsonObject("options", new JsonObject()));
    }

    private static Triggers triggers(JsonObject json, List<String> problems) {
        Duration every = json.containsKey("pollEvery") ? duration(json.getString("pollEvery"), "triggers.pollEvery", problems) : null;
        Duration overlap = json.containsKey("overlap") ? duration(json.getString("overlap"), "triggers.overlap", problems) : null;
        Instant start = null;
        if (json.containsKey("startFrom")) {
            try {
                start = java.time.OffsetDateTime.parse(json.getString("startFrom")).toInstant();
            } catch (RuntimeException e) {
                problems.add("'triggers.startFrom' must be an ISO-8601 date-time with offset, e.g. 2026-07-01T00:00:00Z");
            }
        }
        List<Schedule> schedules = new ArrayList<>();
        JsonArray arr = json.getJsonArray("schedules", new JsonArray());
        for (int i = 0; i < arr.size(); i++) {
            JsonObject s = arr.getJsonObject(i);
            String cron = s.getString("cron");
            try {
                CronSchedule.parse(cron);
            } catch (IllegalArgumentException e) {
                problems.add("triggers.schedules[" + i + "].cron: " + e.getMessage());
            }
            schedules.add(new Schedule(cron, duration(s.getString("window", "PT24H"), "triggers.schedules[" + i + "].window", problems)));
        }
        Duration pollTimeout = json.containsKey("pollTimeout")
                ? duration(json.getString("pollTimeout"), "triggers.pollTimeout", problems) : null;
        return new Triggers(json.getBoolean("webhook", false), every, overlap, start, schedules, pollTimeout);
    }

    static Duration duration(String text, String field, List<String> problems) {
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative() || d.isZero()) {
                problems.add("'" + field + "' must be positive, got " + text);
            }
            return d;
        } catch (RuntimeException e) {
            problems.add("'" + field + "' must be an ISO-8601 duration such as PT1H or PT30S, got '" + text + "'");
            return Duration.ofSeconds(1);
        }
    }
}
