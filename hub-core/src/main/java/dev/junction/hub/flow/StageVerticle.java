package dev.junction.hub.flow;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.junction.api.Json;
import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.sink.SinkRequest;
import dev.junction.hub.connection.MappingTablesService.Snapshot;
import dev.junction.hub.plugin.PluginHost;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * The map and sink stages of one flow, as event-bus consumers. Deployed in several instances so stages
 * run on every event loop; the bus spreads requests across them.
 *
 * <ul>
 *   <li>{@code junction.flow.<id>.map}: {@link MapCall} → the canonical record (mappers, then transforms)</li>
 *   <li>{@code junction.flow.<id>.sink}: {@link SinkRequest} → {@link dev.junction.api.sink.SinkResult}</li>
 * </ul>
 * Replies are {@link LocalMessage}s holding the result or the exception.
 */
final class StageVerticle extends VerticleBase {

    record MapCall(JsonObject payload, Snapshot snapshot) {
    }

    static final DeliveryOptions LOCAL = new DeliveryOptions().setCodecName(LocalMessage.CODEC).setLocalOnly(true);

    private final FlowConfig flow;
    private final FlowBinding binding;

    StageVerticle(FlowConfig flow, FlowBinding binding) {
        this.flow = flow;
        this.binding = binding;
    }

    static String mapAddress(String flowId) {
        return "junction.flow." + flowId + ".map";
    }

    static String sinkAddress(String flowId) {
        return "junction.flow." + flowId + ".sink";
    }

    @Override
    public Future<?> start() {
        var map = vertx.eventBus().<LocalMessage>consumer(mapAddress(flow.id()), this::onMap);
        var sink = vertx.eventBus().<LocalMessage>consumer(sinkAddress(flow.id()), this::onSink);
        return Future.all(map.completion(), sink.completion());
    }

    private void onMap(Message<LocalMessage> msg) {
        MapCall call = (MapCall) msg.body().body();
        try {
            msg.reply(new LocalMessage(map(call)), LOCAL);
        } catch (RuntimeException | LinkageError e) {
            msg.reply(new LocalMessage(e), LOCAL);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Object map(MapCall call) {
        MappingContext ctx = new MappingContext() {
            @Override
            public MappingTables tables() {
                return call.snapshot();
            }

            @Override
            public JsonObject options() {
                return flow.source().options();
            }
        };
        Object current = call.payload();
        for (FlowBinding.MapperStep step : binding.mappers()) {
            MappingHandler handler = step.binding().handler();
            Object input = current;
            current = PluginHost.withClassLoader(step.classLoader(), () -> handler.map(input, ctx));
            if (current == null) {
                throw new IllegalStateException("mapper '" + step.binding().name() + "' returned nothing");
            }
        }
        if (!flow.transforms().isEmpty()) {
            ObjectNode tree = Json.mapper().valueToTree(current);
            flow.transforms().forEach(t -> t.apply(tree, call.snapshot()));
            current = Json.mapper().convertValue(tree, current.getClass());
        }
        return current;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void onSink(Message<LocalMessage> msg) {
        SinkRequest request = (SinkRequest) msg.body().body();
        SinkHandler handler = binding.sinkBinding().handler();
        Future<?> result;
        try {
            result = PluginHost.withClassLoader(binding.sink().classLoader(), () -> handler.write(request));
            if (result == null) {
                result = Future.failedFuture(new IllegalStateException("sink returned no result"));
            }
        } catch (RuntimeException | LinkageError e) {
            result = Future.failedFuture(e);
        }
        result.onComplete(ar -> msg.reply(new LocalMessage(ar.succeeded() ? ar.result() : ar.cause()), LOCAL));
    }
}
