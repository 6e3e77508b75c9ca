package dev.junction.plugin.shiphero;

import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.Fulfilment;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.api.sink.SinkResult;
import dev.junction.api.sink.SourceRef;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.webhook.WebhookHandler;
import dev.junction.conformance.TestConnections;
import dev.junction.hub.connection.ConnectionHandlers;
import dev.junction.hub.connection.HubConnectionContext;
import dev.junction.sandbox.shiphero.ShipHeroOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The simulator, the hub's real connection services, a webhook endpoint and one registered ShipHero connection. */
final class Harness implements AutoCloseable {
    final Vertx vertx = Vertx.vertx();
    final SandboxControl sim;
    final WebhookCapture hooks;
    final TestConnections services;
    final HubConnectionContext ctx;
    final ConnectionHandlers handlers;

    Harness(ShipHeroOptions options) throws Exception {
        sim = SandboxControl.start(vertx, options);
        hooks = WebhookCapture.start(vertx);
        services = TestConnections.create(vertx, 10_000, hooks.baseUrl());
        ctx = services.context(new ShipHeroConnector(), "sh-main", sim.settings());
        handlers = services.register(new ShipHeroConnector(), ctx);
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    SinkHandler<Fulfilment> orders() {
        return (SinkHandler<Fulfilment>) handlers.sink("orders").orElseThrow().handler();
    }

    SinkResult send(Fulfilment f, JsonObject options, int attempt) throws Exception {
        String key = "bp-main:" + f.id();
        return await(orders().write(new SinkRequest<>(f, new SourceRef("bp-main", "goods-out-notes", f.id()), key,
                Optional.empty(), options, attempt)));
    }

    SourceHandler source(String stream) {
        return handlers.source(stream).orElseThrow();
    }

    WebhookHandler webhooks() {
        return handlers.webhooks().orElseThrow();
    }

    MappingContext mapping(JsonObject options) {
        MappingTables tables = services.mappings().current();
        return new MappingContext() {
            @Override
            public MappingTables tables() {
                return tables;
            }

            @Override
            public JsonObject options() {
                return options;
            }
        };
    }

    @Override
    public void close() throws Exception {
        sim.stop();
        hooks.stop();
        services.close();
        vertx.close().await(20, TimeUnit.SECONDS);
    }
}
