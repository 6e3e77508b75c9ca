package dev.junction.conformance;

import dev.junction.api.CheckResult;
import dev.junction.api.ConfigField;
import dev.junction.api.ConfigSchema;
import dev.junction.api.Connector;
import dev.junction.api.ConnectorDescriptor;
import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.error.ThrottledException;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.sink.SourceRef;
import dev.junction.api.source.PollRequest;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.source.SourcePage;
import dev.junction.api.source.SourceRecord;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.hub.flow.CursorMath;
import dev.junction.hub.flow.RecordKeys;
import dev.junction.hub.store.Cursor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The acceptance tests every connector runs against its simulator, through the hub's real connection
 * services: a well-formed config schema with secrets marked, {@code check} with good and bad
 * credentials, polling from a cursor with no gaps and no repeats across tied timestamps, idempotent
 * re-delivery to a sink, throttling answered by waiting (not failing), and outages, 5xx and timeouts
 * reported as retryable.
 *
 * <p>A connector module extends this class and says how to start its simulator, which settings work,
 * how to seed source records and (if it has sinks) what to write.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConnectorConformanceKit {

    /** A source stream to poll, the flow options to poll it with, and how to add records to the remote. */
    public record PollCase(String stream, JsonObject options, Seeder seeder) {
    }

    @FunctionalInterface
    public interface Seeder {
        /** Creates {@code count} new records in the remote (quickly, so some share a timestamp); returns their source ids. */
        List<String> seed(int count) throws Exception;
    }

    /**
     * A sink stream, a canonical record to write, and how to count what the remote holds for it.
     *
     * @param idempotencyKey the key the hub would pass ({@code <sourceConnection>:<sourceId>})
     */
    public record SinkCase(String stream, Object record, String idempotencyKey, Callable<Integer> remoteCount) {
    }

    /** Request timeout the kit's client uses, so the timeout case takes seconds, not the default 30. */
    protected static final long KIT_TIMEOUT_MS = 1_500;

    protected Vertx vertx;
    protected TestConnections services;
    private WebClient control;

    protected abstract Connector connector();

    /** Starts the simulator; returns its base URL (its {@code /_sandbox/faults} knobs are used by the kit). */
    protected abstract String startSimulator(Vertx vertx) throws Exception;

    protected abstract void stopSimulator() throws Exception;

    /** Settings that work against the running simulator. */
    protected abstract JsonObject goodSettings();

    /** Settings with credentials the simulator refuses. */
    protected abstract JsonObject badCredentialSettings();

    protected abstract PollCase pollCase();

    /** Null when the connector has no sink. */
    protected SinkCase sinkCase() {
        return null;
    }

    private String simulatorUrl;

    @BeforeAll
    void startKit() throws Exception {
        vertx = Vertx.vertx();
        simulatorUrl = startSimulator(vertx);
        services = TestConnections.create(vertx, KIT_TIMEOUT_MS, "http://127.0.0.1:9");
        control = WebClient.create(vertx);
    }

    @AfterAll
    void stopKit() throws Exception {
        stopSimulator();
        services.close();
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    @AfterEach
    void clearFaults() throws Exception {
        faults(new JsonObject().put("latencyMs", 0).put("errorRate", 0.0).put("forceThrottle", false).put("down", false));
    }

    protected void faults(JsonObject knobs) throws Exception {
        var resp = control.putAbs(simulatorUrl + "/_sandbox/faults").sendJsonObject(knobs).await(10, TimeUnit.SECONDS);
        assertThat(resp.statusCode()).as("simulator fault knobs").isEqualTo(200);
    }

    protected HubConnectionContext context(String id, JsonObject settings) {
        return services.context(connector(), id, settings);
    }

    protected ConnectionHandlers handlers(HubConnectionContext ctx) {
        return services.register(connector(), ctx);
    }

    protected static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    }

    /** The failure of {@code f}, unwrapped. */
    protected static Throwable failureOf(Future<?> f) throws Exception {
        try {
            f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the call to fail, but it succeeded");
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void descriptorAndConfigSchemaAreWellFormed() {
        ConnectorDescriptor d = connector().descriptor();
        assertThat(d.id()).matches("[a-z][a-z0-9-]*");
        ConfigSchema schema = d.config();
        assertThat(schema.fields()).isNotEmpty();
        for (ConfigField f : schema.fields()) {
            assertThat(f.description()).as("description of '%s'", f.name()).isNotBlank();
            String n = f.name().toLowerCase();
            if (n.contains("password") || n.contains("secret") || n.endsWith("token") || n.endsWith("apikey")
                    || n.endsWith("key") && !n.endsWith("productkey")) {
                assertThat(f.secret()).as("'%s' looks like a credential and must be marked secret", f.name()).isTrue();
            }
        }
        assertThat(schema.toJsonSchema().getJsonObject("properties").fieldNames())
                .containsExactlyInAnyOrderElementsOf(schema.fields().stream().map(ConfigField::name).toList());
        assertThat(schema.validate(goodSettings())).as("the good settings are valid").isEmpty();
        assertThat(schema.validate(new JsonObject())).as("empty settings name what is required").isNotEmpty();
    }

    @Test
    void checkPassesWithGoodCredentials() throws Exception {
        CheckResult r = await(connector().check(context("kit-good", goodSettings())));
        assertThat(r.ok()).as("check with good settings: %s", r.reason()).isTrue();
    }

    @Test
    void checkFailsWithBadCredentialsAndAReasonThatHidesTheSecret() throws Exception {
        JsonObject bad = badCredentialSettings();
        CheckResult r = await(connector().check(context("kit-bad", bad)));
        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).as("a reason a person can act on").isNotBlank().hasSizeGreaterThan(15);
        for (String secret : connector().descriptor().config().secretNames()) {
            String value = bad.getString(secret);
            if (value != null && value.length() >= 4) {
                assertThat(r.reason()).as("reason must not contain secret '%s'", secret).doesNotContain(value);
            }
        }
    }

    @Test
    void pollFromACursorHasNoGapsAndNoRepeatsAcrossTies() throws Exception {
        PollCase pc = pollCase();
        SourceHandler source = handlers(context("kit-poll", goodSettings())).source(pc.stream()).orElseThrow();
        Instant start = Instant.now().minus(Duration.ofMinutes(1));
        List<String> first = pc.seeder().seed(25);
        Cursor cursor = null;
        Set<String> taken = new HashSet<>();
        Set<String> keys = new HashSet<>();
        cursor = pollAll(source, pc, start, cursor, taken, keys);
        assertThat(taken).as("first poll sees every seeded record").containsAll(first);

        List<String> second = pc.seeder().seed(25);
        Set<String> takenAgain = new HashSet<>();
        Instant since = cursor.timestamp().minus(Duration.ofMinutes(5));
        cursor = pollAll(source, pc, since, cursor, takenAgain, keys);
        assertThat(takenAgain).as("second poll sees every record added since").containsAll(second);
        assertThat(takenAgain).as("records the first poll took, unchanged since, are not taken again")
                .doesNotContainAnyElementsOf(first);
    }

    /**
     * Polls every page from {@code since}, applying the hub's cursor rule; records each new (id, content key).
     * A record whose content key was already stored is a repeat the store would drop, so it is not "taken".
     */
    private Cursor pollAll(SourceHandler source, PollCase pc, Instant since, Cursor cursor, Set<String> taken,
                           Set<String> keys) throws Exception {
        String token = null;
        int pages = 0;
        do {
            SourcePage page = await(source.poll(new PollRequest(since, null, token, 10, pc.options())));
            List<SourceRecord> fresh = CursorMath.unseen(cursor, page.records());
            Set<String> idsInPage = new HashSet<>();
            for (SourceRecord r : page.records()) {
                assertThat(idsInPage.add(r.id())).as("record %s twice in one page", r.id()).isTrue();
            }
            for (SourceRecord r : fresh) {
                if (keys.add(r.id() + "|" + RecordKeys.contentKey(r))) {
                    taken.add(r.id());
                }
            }
            cursor = CursorMath.advance(cursor, page.records());
            token = page.nextPageToken().orElse(null);
            assertThat(++pages).as("pages").isLessThan(1_000);
        } while (token != null);
        assertThat(cursor).as("a cursor after a poll that returned records").isNotNull();
        return cursor;
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void redeliveringTheSameRecordToASinkDoesNotDuplicateIt() throws Exception {
        SinkCase sc = sinkCase();
        assumeTrue(sc != null, "connector has no sink");
        ConnectionHandlers h = handlers(context("kit-sink", goodSettings()));
        SinkHandler handler = h.sink(sc.stream()).orElseThrow().handler();
        SourceRef ref = new SourceRef("kit-source", "kit", sc.idempotencyKey());
        SinkResult first = await((Future<SinkResult>) handler.write(new SinkRequest(sc.record(), ref, sc.idempotencyKey(),
                Optional.empty(), new JsonObject(), 1)));
        assertThat(first.outcome()).isIn(SinkResult.Outcome.CREATED, SinkResult.Outcome.UPDATED, SinkResult.Outcome.ALREADY_PRESENT);
        int afterFirst = sc.remoteCount().call();
        // As after a crash between the remote create and the hub's commit: no link is known, the same key comes again.
        SinkResult second = await((Future<SinkResult>) handler.write(new SinkRequest(sc.record(), ref, sc.idempotencyKey(),
                Optional.empty(), new JsonObject(), 2)));
        assertThat(sc.remoteCount().call()).as("nothing created twice").isEqualTo(afterFirst);
        assertThat(second.remoteId()).isEqualTo(first.remoteId());
    }

    @Test
    void throttlingIsAnsweredByWaitingNotByFailing() throws Exception {
        PollCase pc = pollCase();
        SourceHandler source = handlers(context("kit-throttle", goodSettings())).source(pc.stream()).orElseThrow();
        faults(new JsonObject().put("forceThrottle", true));
        vertx.setTimer(1_500, t -> control.putAbs(simulatorUrl + "/_sandbox/faults")
                .sendJsonObject(new JsonObject().put("forceThrottle", false)));
        SourcePage page = await(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(5)), null, null, 10, pc.options())));
        assertThat(page).as("the poll completed once the throttling stopped").isNotNull();
        assertThat(services.metrics().counterTotal("remote.throttled")).as("throttled responses were seen").isPositive();
    }

    @Test
    void serverErrorsAreRetryableNotPermanent() throws Exception {
        PollCase pc = pollCase();
        SourceHandler source = handlers(context("kit-5xx", goodSettings())).source(pc.stream()).orElseThrow();
        faults(new JsonObject().put("errorRate", 1.0));
        Throwable t = failureOf(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(5)), null, null, 10, pc.options())));
        assertThat(t).as("a 5xx is retried by the hub").isInstanceOf(RetryableException.class).isNotInstanceOf(ThrottledException.class);
    }

    @Test
    void outagesAreRetryableNotPermanent() throws Exception {
        PollCase pc = pollCase();
        SourceHandler source = handlers(context("kit-down", goodSettings())).source(pc.stream()).orElseThrow();
        faults(new JsonObject().put("down", true));
        Throwable t = failureOf(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(5)), null, null, 10, pc.options())));
        assertThat(t).isInstanceOf(RetryableException.class).isNotInstanceOf(PermanentException.class);
    }

    @Test
    void timeoutsAreRetryable() throws Exception {
        PollCase pc = pollCase();
        SourceHandler source = handlers(context("kit-timeout", goodSettings())).source(pc.stream()).orElseThrow();
        faults(new JsonObject().put("latencyMs", KIT_TIMEOUT_MS * 2));
        Throwable t = failureOf(source.poll(new PollRequest(Instant.now().minus(Duration.ofMinutes(5)), null, null, 10, pc.options())));
        assertThat(t).isInstanceOf(RetryableException.class);
    }

    /** Collects ids, for subclasses' own tests. */
    protected static List<String> ids(List<SourceRecord> records) {
        List<String> out = new ArrayList<>();
        records.forEach(r -> out.add(r.id()));
        return out;
    }
}
