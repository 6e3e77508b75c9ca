package dev.junction.hub.admin;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import dev.junction.hub.store.SyncStatus;
import dev.junction.hub.testing.Await;
import dev.junction.hub.testing.TestHub;
import dev.junction.hub.testing.TestRemote;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections are created with distinctive secrets, every endpoint is exercised, and neither any response
 * body nor any log line (as the hub's own log layout writes it) contains a secret.
 */
class SecretsNeverEchoedTest extends AdminApiTestBase {
    private static final String VAULT_HOOK_SECRET = "whsec-Zq81-vault-7f3a9c";
    private static final String UNSAVED_TOKEN = "unsaved-token-Xy93-distinct";
    private static final List<String> SECRETS = List.of(TestRemote.TOKEN, "hook-secret-abcdef", VAULT_HOOK_SECRET,
            UNSAVED_TOKEN, TestHub.ADMIN_TOKEN);

    private final List<String> bodies = new ArrayList<>();
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Logger root;

    @BeforeEach
    void captureLog() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void releaseLog() {
        root.detachAppender(captured);
    }

    @Test
    void noSecretInAnyResponseOrLogLine() throws Exception {
        JsonObject vault = connection(settings().put("webhookSecret", VAULT_HOOK_SECRET));
        JsonObject created = json(call(HttpMethod.PUT, "/connections/vault", vault));
        // redacted where rendered, not merely caught by the masking safety net
        assertThat(created.getJsonObject("settings").getString("token")).isEqualTo(SecretRedaction.PLACEHOLDER);
        assertThat(created.getJsonObject("settings").getString("webhookSecret")).isEqualTo(SecretRedaction.PLACEHOLDER);
        assertThat(created.getJsonObject("settings").getString("baseUrl")).isEqualTo(remote.baseUrl());

        JsonObject form = json(call(HttpMethod.GET, "/connections/vault", null));
        call(HttpMethod.PUT, "/connections/vault", connection(form.getJsonObject("settings")));
        call(HttpMethod.GET, "/connections", null);
        call(HttpMethod.GET, "/connections/src", null);
        assertThat(json(call(HttpMethod.POST, "/connections/vault/check", null)).getBoolean("ok")).isTrue();
        call(HttpMethod.POST, "/connections/vault/check", connection(settings().put("token", UNSAVED_TOKEN)));
        call(HttpMethod.POST, "/connections/vault/check", connection(new JsonObject().put("baseUrl", "nope")
                .put("token", UNSAVED_TOKEN).put("tokn", UNSAVED_TOKEN)));
        call(HttpMethod.PUT, "/connections/other", connection(settings().put("webhookSecret", UNSAVED_TOKEN).put("rateLimit", "many")));
        // a malformed body that quotes a secret
        callRaw(HttpMethod.PUT, "/connections/vault", Buffer.buffer("{\"connector\":\"test-connector\",\"settings\":{\"token\":"
                + TestRemote.TOKEN + "}}"));
        call(HttpMethod.GET, "/connections/vault/reference-data", null);
        call(HttpMethod.GET, "/plugins", null);

        remote.putItem("s1", Instant.now().minusSeconds(30), new JsonObject().put("name", "with payload").put("reference", "R-1"));
        remote.putItem("s2", Instant.now().minusSeconds(20), new JsonObject().put("invalid", true));
        call(HttpMethod.POST, "/flows/items/run", null);
        long failed = hub.store().recordsBySource(FLOW, "s2").await(5, java.util.concurrent.TimeUnit.SECONDS).get(0).id();
        awaitStatus(failed, SyncStatus.FAILED);
        call(HttpMethod.POST, "/flows/items/import", new JsonObject().put("sourceId", "s1"));
        call(HttpMethod.POST, "/flows/items/import", new JsonObject().put("sourceId", "missing"));
        call(HttpMethod.POST, "/flows/items/reconcile?window=PT1H", null);
        call(HttpMethod.GET, "/flows", null);
        call(HttpMethod.POST, "/flows/items/pause", null);
        call(HttpMethod.POST, "/flows/items/resume", null);
        call(HttpMethod.GET, "/flows/items", null);
        call(HttpMethod.GET, "/records?limit=500", null);
        call(HttpMethod.GET, "/records?q=R-1", null);
        call(HttpMethod.GET, "/records/" + failed, null);
        call(HttpMethod.POST, "/records/" + failed + "/retry", null);
        Await.until("the retried record failed again", Duration.ofSeconds(20),
                () -> record(failed).map(r -> r.attempts() == 2 && r.status() == SyncStatus.FAILED).orElse(false));
        call(HttpMethod.PUT, "/mappings/hs-codes", new JsonObject().put("entries", new JsonObject().put("tools", "8205")));
        call(HttpMethod.GET, "/mappings", null);
        call(HttpMethod.GET, "/metrics", null);
        call(HttpMethod.GET, "/status", null);
        call(HttpMethod.GET, "/api/v1/openapi.json", null);
        call(HttpMethod.DELETE, "/connections/vault", null);

        assertThat(bodies).hasSizeGreaterThan(25);
        for (String body : bodies) {
            for (String secret : SECRETS) {
                assertThat(body).as("a response body").doesNotContain(secret);
            }
        }

        // a connector logs a secret through its connection's logger: the hub's log layout masks it
        hub.connections().get("src").orElseThrow().context().logger()
                .warn("calling the remote with token {} and hook secret {}", TestRemote.TOKEN, VAULT_HOOK_SECRET);
        List<ILoggingEvent> events = List.copyOf(captured.list);
        assertThat(events).as("the raw event did carry the secrets")
                .anyMatch(e -> e.getFormattedMessage().contains(TestRemote.TOKEN + " and hook secret " + VAULT_HOOK_SECRET));
        Layout<ILoggingEvent> layout = productionLayout();
        StringBuilder log = new StringBuilder();
        events.forEach(e -> log.append(layout.doLayout(e)));
        assertThat(log).contains("calling the remote with token *** and hook secret ***");
        for (String secret : SECRETS) {
            assertThat(log.toString()).as("the log").doesNotContain(secret);
        }
    }

    private HttpResponse<Buffer> call(HttpMethod method, String path, JsonObject body) throws Exception {
        return callRaw(method, path, body == null ? null : body.toBuffer());
    }

    private HttpResponse<Buffer> callRaw(HttpMethod method, String path, Buffer body) throws Exception {
        HttpResponse<Buffer> r = send(method, path, body);
        assertThat(r.statusCode()).as(method + " " + path + ": " + r.bodyAsString()).isLessThan(500);
        bodies.add(method + " " + path + " -> " + r.statusCode() + " " + (r.body() == null ? "" : r.bodyAsString()));
        return r;
    }

    /** The layout of the hub's console appender (logback.xml), which is what masks secrets in the log. */
    @SuppressWarnings("unchecked")
    private Layout<ILoggingEvent> productionLayout() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        Appender<ILoggingEvent> console = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        assertThat(console).as("logback.xml's STDOUT appender").isInstanceOf(OutputStreamAppender.class);
        return ((LayoutWrappingEncoder<ILoggingEvent>) ((OutputStreamAppender<ILoggingEvent>) console).getEncoder()).getLayout();
    }
}
