package dev.junction.plugin.dropstream.orders;

import dev.junction.api.error.RetryableException;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.sink.SourceRef;
import dev.junction.conformance.TestConnections;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.plugin.dropstream.DropStreamConnection;
import dev.junction.plugin.dropstream.DropStreamConnector;
import dev.junction.plugin.dropstream.Sandbox;
import dev.junction.sandbox.dropstream.DsfxFormat;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code orders} sink against the simulated warehouse's real SFTP server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderSinkTest {
    private Vertx vertx;
    private Sandbox sandbox;
    private TestConnections services;
    private HubConnectionContext ctx;

    @BeforeAll
    void start() throws Exception {
        vertx = Vertx.vertx();
        sandbox = Sandbox.start(vertx);
        services = TestConnections.create(vertx);
        services.putMappingTable(OrderSink.SKU_TABLE, Map.of("LAYOUT-2", "WH-LAYOUT-2"), null);
        services.putMappingTable(OrderSink.METHOD_TABLE, Map.of("Ground", "USPS_PRIORITY"), "UPS_GROUND");
        ctx = services.context(new DropStreamConnector(), "ds-test", sandbox.settings());
    }

    @AfterAll
    void stop() throws Exception {
        sandbox.stop();
        services.close();
        vertx.close().await(20, TimeUnit.SECONDS);
    }

    private OrderSink sink(OrderFileWriter.Hook hook) {
        DropStreamConnection ds = DropStreamConnection.open(ctx);
        return new OrderSink(ctx, ds.api(), ds.sftp(), "/in", hook);
    }

    private static SinkResult write(OrderSink sink, Fulfilment f, String key, JsonObject options) throws Exception {
        return await(sink.write(new SinkRequest<>(f, new SourceRef("bp-test", "goods-out-notes", f.id()), key,
                Optional.empty(), options, 1)));
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** Names of this order's files in /in and /in/archive. */
    private List<String> filesOf(String fileId) throws Exception {
        return java.util.stream.Stream.concat(sandbox.files("in").stream(), sandbox.files("in/archive").stream())
                .filter(n -> n.startsWith("ord_" + fileId + "_")).toList();
    }

    private String readOrderFile(String name) throws Exception {
        Sandbox.waitUntil("order file " + name + " is readable", () -> Files.exists(sandbox.folder("in").resolve(name))
                || Files.exists(sandbox.folder("in/archive").resolve(name)));
        try {
            return Files.readString(sandbox.folder("in").resolve(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException movedMeanwhile) {
            return Files.readString(sandbox.folder("in/archive").resolve(name), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesTheDocumentedLayoutWithAliasedSkusAndMappedShippingMethod() throws Exception {
        Fulfilment note = Sandbox.note("6001", "88", "2", "Ground", "LAYOUT-1", "LAYOUT-2");
        SinkResult r = write(sink(null), note, "bp-test:6001", new JsonObject());

        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(r.remoteId()).isEqualTo("bp-test:6001");
        assertThat(r.facts()).containsEntry("shippingMethod", "USPS_PRIORITY").containsEntry("skuAliases", "LAYOUT-2→WH-LAYOUT-2");
        List<String> names = filesOf("bp-test-6001");
        assertThat(names).hasSize(1);
        String name = names.get(0);
        assertThat(DsfxFormat.ORDER_FILE.matcher(name).matches()).as("name %s", name).isTrue();

        String content = readOrderFile(name);
        assertThat(content).endsWith("\r\n").doesNotStartWith("\uFEFF");
        DsfxFormat.OrderFile parsed = DsfxFormat.parseOrder(content);
        DsfxFormat.OrderHeader h = parsed.header();
        assertThat(h).isEqualTo(new DsfxFormat.OrderHeader("bp-test:6001", "2025-01-31T14:05:00Z", "Jo Bloggs", "Acme, \"West\"",
                "1 Main St", "Apt 2", "Austin", "TX", "73301", "US", "+1 512 555 0100", "jo@example.com", "USPS_PRIORITY",
                "", "", "", "USD", "88", "", "", ""));
        assertThat(parsed.lines()).containsExactly(
                new DsfxFormat.OrderLine(101, "LAYOUT-1", 3, new BigDecimal("12.50")),
                new DsfxFormat.OrderLine(102, "WH-LAYOUT-2", 1, new BigDecimal("12.50")));
        // Written as the simulator's own writer would write it, byte for byte.
        assertThat(content).isEqualTo(DsfxFormat.writeOrder(parsed));

        Sandbox.waitUntil("the warehouse ingested the order", () -> sandbox.ordersNumbered("bp-test:6001").size() == 1);
        assertThat(sandbox.orders().get(0).getString("shipping_carrier_name")).isEqualTo("USPS");
        assertThat(sandbox.stats().getJsonObject("files").getLong("rejected")).isZero();
    }

    @Test
    void unmappedShippingMethodGetsTheTableDefaultAndUnaliasedSkusGoAsTheyAre() throws Exception {
        SinkResult r = write(sink(null), Sandbox.note("6101", "89", "2", "Carrier pigeon", "PLAIN-1"), "bp-test:6101",
                new JsonObject());
        assertThat(r.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        DsfxFormat.OrderFile parsed = DsfxFormat.parseOrder(readOrderFile(filesOf("bp-test-6101").get(0)));
        assertThat(parsed.header().shippingMethod()).isEqualTo("UPS_GROUND");
        assertThat(parsed.lines()).extracting(DsfxFormat.OrderLine::sku).containsExactly("PLAIN-1");
        assertThat(r.facts()).doesNotContainKey("skuAliases");
    }

    @Test
    void fulfilmentsFromWarehousesOutsideTheFlowsScopeAreSkippedAndWriteNothing() throws Exception {
        JsonObject options = new JsonObject().put("warehouses", "2; 5");
        SinkResult skipped = write(sink(null), Sandbox.note("6201", "90", "3", "Ground", "SCOPE-1"), "bp-test:6201", options);
        assertThat(skipped.outcome()).isEqualTo(SinkResult.Outcome.SKIPPED);
        assertThat(skipped.message()).contains("warehouse 3").contains("2; 5");
        assertThat(filesOf("bp-test-6201")).isEmpty();

        SinkResult sent = write(sink(null), Sandbox.note("6202", "91", "5", "Ground", "SCOPE-1"), "bp-test:6202", options);
        assertThat(sent.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(filesOf("bp-test-6202")).hasSize(1);
    }

    @Test
    void aCrashBetweenUploadAndRenameLeavesNoHalfFileAndTheRetryWritesExactlyOne() throws Exception {
        Fulfilment note = Sandbox.note("7001", "92", "2", "Ground", "CRASH-1", "CRASH-2");
        OrderSink crashing = sink(tmp -> {
            throw new IOException("simulated crash after uploading " + tmp);
        });
        ExecutionException crash = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> write(crashing, note, "bp-test:7001", new JsonObject()));
        assertThat(crash.getCause()).isInstanceOf(RetryableException.class);
        assertThat(sandbox.files("in")).filteredOn(n -> n.startsWith("ord_bp-test-7001_"))
                .singleElement().satisfies(n -> assertThat(n).endsWith(".tmp"));
        sandbox.warehousePoll();
        assertThat(sandbox.ordersNumbered("bp-test:7001")).as("the warehouse never reads a .tmp").isEmpty();

        SinkResult retry = write(sink(null), note, "bp-test:7001", new JsonObject());
        assertThat(retry.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(sandbox.files("in")).noneMatch(n -> n.endsWith(".tmp"));
        Sandbox.waitUntil("the warehouse ingested the retried order", () -> sandbox.ordersNumbered("bp-test:7001").size() == 1);
        assertThat(filesOf("bp-test-7001")).hasSize(1).allMatch(n -> n.endsWith(".csv"));

        SinkResult again = write(sink(null), note, "bp-test:7001", new JsonObject());
        assertThat(again.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(again.remoteId()).isEqualTo(retry.remoteId());
        sandbox.warehousePoll();
        assertThat(sandbox.ordersNumbered("bp-test:7001")).hasSize(1);
        assertThat(filesOf("bp-test-7001")).hasSize(1);
        assertThat(sandbox.stats().getJsonObject("files").getLong("rejected")).as("no duplicate was rejected").isZero();
    }

    @Test
    void aReSendWhileTheFileStillWaitsInTheInboxFindsIt() throws Exception {
        Fulfilment note = Sandbox.note("7101", "93", "2", "Ground", "WAIT-1");
        SinkResult first = write(sink(null), note, "bp-test:7101", new JsonObject());
        SinkResult second = write(sink(null), note, "bp-test:7101", new JsonObject());
        assertThat(first.outcome()).isEqualTo(SinkResult.Outcome.CREATED);
        assertThat(second.outcome()).isEqualTo(SinkResult.Outcome.ALREADY_PRESENT);
        assertThat(second.remoteId()).isEqualTo(first.remoteId());
        Sandbox.waitUntil("the warehouse ingested it", () -> sandbox.ordersNumbered("bp-test:7101").size() == 1);
        sandbox.warehousePoll();
        assertThat(sandbox.ordersNumbered("bp-test:7101")).hasSize(1);
        assertThat(filesOf("bp-test-7101")).hasSize(1);
    }

    @Test
    void aDeliveryWithoutAStreetFailsPermanentlyWithWhatToFix() throws Exception {
        Fulfilment good = Sandbox.note("7201", "94", "2", "Ground", "ADDR-1");
        Fulfilment noStreet = new Fulfilment(good.id(), good.orderId(), good.orderReference(), good.warehouse(),
                good.shippingMethod(), new dev.junction.api.model.Party("Jo", "Bloggs", null, null, null,
                new dev.junction.api.model.Address(" ", null, "Austin", "TX", "73301", "US")), good.lines(), good.createdAt(),
                good.orderTotal(), good.customerEmail());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> write(sink(null), noStreet, "bp-test:7201", new JsonObject()));
        assertThat(e.getCause()).isInstanceOf(dev.junction.api.error.PermanentException.class)
                .hasMessageContaining("no delivery street").hasMessageContaining("SO-94");
        assertThat(filesOf("bp-test-7201")).isEmpty();
    }
}
