package dev.junction.plugin.brightpearl.client;

import dev.junction.api.error.PermanentException;
import dev.junction.api.error.RetryableException;
import dev.junction.api.service.Metrics;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batcher against a scripted transport: who goes alone, who goes together, and who hears what back. */
class BpWriteBatcherTest {
    private static final Metrics NO_METRICS = new Metrics() {
        @Override
        public void increment(String name, String... tags) {
        }

        @Override
        public void record(String name, Duration duration, String... tags) {
        }
    };

    /** A request the batcher sent, answered when the test says so. */
    private record Sent(HttpMethod method, String path, Object body, Promise<Object> answer) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    private WriteBatcher batcher(int inFlight) {
        return batcher(inFlight, 0, (ms, task) -> task.run());
    }

    private WriteBatcher batcher(int inFlight, long lingerMs, WriteBatcher.Scheduler scheduler) {
        return new WriteBatcher((m, p, b) -> {
            Promise<Object> answer = Promise.promise();
            sent.add(new Sent(m, p, b, answer));
            return answer.future();
        }, remote -> "refused: " + remote, inFlight, lingerMs, scheduler, NO_METRICS, LoggerFactory.getLogger("test"),
                nanos::get);
    }

    private static JsonObject order(int n) {
        return new JsonObject().put("ref", "WEB-" + n);
    }

    /** The multi-message answer Brightpearl gives: each message's own body as a JSON string. */
    private static JsonObject answer(JsonArray messages, int failLabelIndex) {
        JsonArray processed = new JsonArray();
        for (int i = 0; i < messages.size(); i++) {
            String label = messages.getJsonObject(i).getString("label");
            boolean fail = i == failLabelIndex;
            processed.add(new JsonObject().put("label", label).put("statusCode", fail ? 400 : 200)
                    .put("body", new JsonObject().put("content", fail
                            ? "{\"errors\":[{\"code\":\"ORDC-005\",\"message\":\"No order type\"}]}"
                            : "{\"response\":" + (1000 + i) + "}")));
        }
        return new JsonObject().put("processedMessages", processed).put("unprocessedMessages", new JsonArray());
    }

    @Test
    void aWriteThatFindsAFreeSlotGoesAloneAtOnce() {
        WriteBatcher b = batcher(2);
        Future<Object> f = b.submit(HttpMethod.POST, "/order-service/sales-order", order(1));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path()).isEqualTo("/order-service/sales-order");
        sent.get(0).answer().complete(77);
        assertThat(f.result()).isEqualTo(77);
    }

    @Test
    void writesThatQueueWhileSlotsAreBusyLeaveTogetherAndEachHearsItsOwnAnswer() {
        WriteBatcher b = batcher(1);
        Future<Object> first = b.submit(HttpMethod.POST, "/order-service/sales-order", order(0));
        List<Future<Object>> queued = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            queued.add(b.submit(HttpMethod.POST, "/order-service/sales-order", order(i)));
        }
        assertThat(sent).hasSize(1);
        assertThat(b.waiting()).isEqualTo(12);

        sent.get(0).answer().complete(1);
        assertThat(first.result()).isEqualTo(1);
        assertThat(sent).hasSize(2);
        Sent multi = sent.get(1);
        assertThat(multi.method()).isEqualTo(HttpMethod.POST);
        assertThat(multi.path()).isEqualTo(MultiMessage.PATH);
        JsonObject body = (JsonObject) multi.body();
        assertThat(body.getString("processingMode")).isEqualTo("PARALLEL");
        assertThat(body.getString("onFail")).isEqualTo("CONTINUE");
        JsonArray messages = body.getJsonArray("messages");
        assertThat(messages).hasSize(MultiMessage.MAX_MESSAGES);
        assertThat(messages.getJsonObject(0).getString("uri")).isEqualTo("/order-service/sales-order");
        assertThat(messages.getJsonObject(0).getString("httpMethod")).isEqualTo("POST");
        assertThat(messages.getJsonObject(3).getJsonObject("body").getString("ref")).isEqualTo("WEB-4");

        multi.answer().complete(answer(messages, 4));
        for (int i = 0; i < 10; i++) {
            Future<Object> f = queued.get(i);
            if (i == 4) {
                assertThat(f.failed()).isTrue();
                assertThat(f.cause()).isInstanceOf(PermanentException.class)
                        .hasMessageContaining("ORDC-005").hasMessageContaining("in a multi-message");
            } else {
                assertThat(f.result()).isEqualTo(1000 + i);
            }
        }
        // the last two went together as the next batch
        assertThat(sent).hasSize(3);
        assertThat(((JsonObject) sent.get(2).body()).getJsonArray("messages")).hasSize(2);
        assertThat(queued.get(10).isComplete()).isFalse();
    }

    @Test
    void aMessageBrightpearlDidNotRunFailsAsRetryable() {
        WriteBatcher b = batcher(1);
        b.submit(HttpMethod.POST, "/contact-service/postal-address", new JsonObject());
        Future<Object> x = b.submit(HttpMethod.POST, "/contact-service/postal-address", new JsonObject());
        Future<Object> y = b.submit(HttpMethod.PUT, "/contact-service/contact/5/postal-address", new JsonArray());
        sent.get(0).answer().complete(1);
        sent.get(1).answer().complete(new JsonObject()
                .put("processedMessages", new JsonArray().add(new JsonObject().put("label", "m1").put("statusCode", 200)
                        .put("body", new JsonObject().put("content", "{\"response\":9}"))))
                .put("unprocessedMessages", new JsonArray().add("m2")));
        assertThat(x.result()).isEqualTo(9);
        assertThat(y.cause()).isInstanceOf(RetryableException.class).hasMessageContaining("did not run PUT");
    }

    @Test
    void aFailedMultiMessageFailsEveryWriteInItWithTheSameCause() {
        WriteBatcher b = batcher(1);
        b.submit(HttpMethod.POST, "/order-service/sales-order", order(0));
        Future<Object> x = b.submit(HttpMethod.POST, "/order-service/sales-order", order(1));
        Future<Object> y = b.submit(HttpMethod.POST, "/order-service/sales-order", order(2));
        sent.get(0).answer().complete(1);
        RetryableException outage = new BrightpearlRetryableException("Brightpearl answered 503", null, 503, List.of());
        sent.get(1).answer().fail(outage);
        assertThat(x.cause()).isSameAs(outage);
        assertThat(y.cause()).isSameAs(outage);
        assertThat(sent).hasSize(2); // nothing re-sent by the batcher: the records' own retries decide
    }

    @Test
    void aRefusedEnvelopeSendsItsWritesAloneAndPausesBatching() {
        WriteBatcher b = batcher(1);
        b.submit(HttpMethod.POST, "/order-service/sales-order", order(0));
        Future<Object> x = b.submit(HttpMethod.POST, "/order-service/sales-order", order(1));
        Future<Object> y = b.submit(HttpMethod.POST, "/order-service/sales-order", order(2));
        sent.get(0).answer().complete(1);
        sent.get(1).answer().fail(new BrightpearlPermanentException("Brightpearl answered 400 to POST /multi-message",
                400, List.of(new BrightpearlError("CMNC-400", "bad", 400))));
        assertThat(sent).hasSize(4);
        assertThat(sent.get(2).path()).isEqualTo("/order-service/sales-order");
        assertThat(sent.get(3).path()).isEqualTo("/order-service/sales-order");
        sent.get(2).answer().complete(11);
        sent.get(3).answer().complete(12);
        assertThat(x.result()).isEqualTo(11);
        assertThat(y.result()).isEqualTo(12);

        // paused: writes go one request each, even when they pile up
        b.submit(HttpMethod.POST, "/order-service/sales-order", order(3));
        b.submit(HttpMethod.POST, "/order-service/sales-order", order(4));
        assertThat(sent.subList(4, sent.size())).extracting(Sent::path).containsExactly("/order-service/sales-order",
                "/order-service/sales-order");
        sent.get(4).answer().complete(13);
        sent.get(5).answer().complete(14);

        // after the pause, pressure forms batches again
        nanos.addAndGet(WriteBatcher.PAUSE_AFTER_REFUSAL.toNanos());
        int before = sent.size();
        b.submit(HttpMethod.POST, "/order-service/sales-order", order(5));
        b.submit(HttpMethod.POST, "/order-service/sales-order", order(6));
        b.submit(HttpMethod.POST, "/order-service/sales-order", order(7));
        sent.get(before).answer().complete(1);
        assertThat(sent.get(sent.size() - 1).path()).isEqualTo(MultiMessage.PATH);
    }

    @Test
    void withALingerAQuietWriteWaitsForCompanyAndLeavesWithIt() {
        List<Runnable> timers = new ArrayList<>();
        WriteBatcher b = batcher(2, 5, (ms, task) -> {
            assertThat(ms).isEqualTo(5);
            timers.add(task);
        });

        b.submit(HttpMethod.POST, "/order-service/sales-order", order(1));
        b.submit(HttpMethod.POST, "/order-service/sales-order", order(2));
        b.submit(HttpMethod.POST, "/contact-service/postal-address", new JsonObject());
        assertThat(sent).as("nothing leaves before the linger ends").isEmpty();
        assertThat(timers).as("one timer for the whole wait").hasSize(1);

        timers.get(0).run();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path()).isEqualTo(MultiMessage.PATH);
        assertThat(((JsonObject) sent.get(0).body()).getJsonArray("messages")).hasSize(3);

        // ten waiting leave at once, without waiting for the timer
        for (int i = 0; i < MultiMessage.MAX_MESSAGES; i++) {
            b.submit(HttpMethod.POST, "/order-service/sales-order", order(10 + i));
        }
        assertThat(sent).hasSize(2);
        assertThat(((JsonObject) sent.get(1).body()).getJsonArray("messages")).hasSize(MultiMessage.MAX_MESSAGES);
    }

    @Test
    void anEnvelopeCarriesTwoToTenMessages() {
        assertThatThrownBy(() -> MultiMessage.body(List.of(new MultiMessage.Item("m1", HttpMethod.POST, "/x", null))))
                .isInstanceOf(IllegalArgumentException.class);
        List<MultiMessage.Item> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new MultiMessage.Item("m" + i, HttpMethod.DELETE, "/integration-service/webhook/" + i, null));
        }
        assertThatThrownBy(() -> MultiMessage.body(eleven)).isInstanceOf(IllegalArgumentException.class);
        JsonObject two = MultiMessage.body(eleven.subList(0, 2));
        assertThat(two.getJsonArray("messages").getJsonObject(1).getJsonObject("body")).isEqualTo(new JsonObject());
    }
}
