package dev.junction.hub.flow;

import dev.junction.api.source.SourceHandler;
import dev.junction.hub.connection.ConnectionHandlers.MapperBinding;
import dev.junction.hub.connection.ConnectionHandlers.SinkBinding;
import dev.junction.hub.connection.ConnectionRuntime;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A flow's configuration resolved against running connections: the source handler, the mapper chain
 * (native JSON → ... → what the sink accepts), and the sink. Resolution fails with one sentence naming
 * what is missing and what exists instead.
 */
record FlowBinding(ConnectionRuntime source, SourceHandler sourceHandler, List<MapperStep> mappers,
                   ConnectionRuntime sink, SinkBinding<?> sinkBinding) {

    record MapperStep(MapperBinding<?, ?> binding, ClassLoader classLoader) {
    }

    static FlowBinding resolve(FlowConfig flow, Map<String, ConnectionRuntime> connections) {
        ConnectionRuntime src = running(flow.source().connection(), "source", connections);
        ConnectionRuntime dst = running(flow.sink().connection(), "sink", connections);
        SourceHandler handler = src.handlers().source(flow.source().stream()).orElseThrow(() -> new IllegalStateException(
                "connection '" + src.id() + "' has no source stream '" + flow.source().stream() + "'; it offers "
                        + src.handlers().sourceStreams()));
        SinkBinding<?> sink = dst.handlers().sink(flow.sink().stream()).orElseThrow(() -> new IllegalStateException(
                "connection '" + dst.id() + "' has no sink stream '" + flow.sink().stream() + "'; it offers "
                        + dst.handlers().sinkStreams()));
        Class<?> target = sink.accepts();
        List<MapperStep> steps = new ArrayList<>();
        if (flow.mappers().isEmpty()) {
            if (target != JsonObject.class) {
                MapperBinding<?, ?> m = src.handlers().mapper(flow.source().stream(), JsonObject.class, target)
                        .orElseThrow(() -> new IllegalStateException("connection '" + src.id() + "' has no mapper from its '"
                                + flow.source().stream() + "' stream to " + target.getSimpleName() + " (what "
                                + flow.sink().label() + " accepts); its mappers: " + describe(src)));
                steps.add(new MapperStep(m, src.classLoader()));
            }
        } else {
            Class<?> current = JsonObject.class;
            for (int i = 0; i < flow.mappers().size(); i++) {
                String name = flow.mappers().get(i);
                boolean last = i == flow.mappers().size() - 1;
                Optional<MapperBinding<?, ?>> m = pick(src, name, current, last ? target : null);
                ConnectionRuntime owner = src;
                if (m.isEmpty()) {
                    m = pick(dst, name, current, last ? target : null);
                    owner = dst;
                }
                if (m.isEmpty()) {
                    throw new IllegalStateException("no mapper '" + name + "' from " + current.getSimpleName()
                            + (last ? " to " + target.getSimpleName() : "") + " on '" + src.id() + "' or '" + dst.id()
                            + "'; mappers: " + describe(src) + " / " + describe(dst));
                }
                steps.add(new MapperStep(m.get(), owner.classLoader()));
                current = m.get().output();
            }
        }
        return new FlowBinding(src, handler, steps, dst, sink);
    }

    private static Optional<MapperBinding<?, ?>> pick(ConnectionRuntime rt, String name, Class<?> input, Class<?> output) {
        return rt.handlers().mappers().stream()
                .filter(m -> m.name().equals(name) && m.input().equals(input))
                .filter(m -> output == null || output.isAssignableFrom(m.output()))
                .findFirst();
    }

    private static ConnectionRuntime running(String id, String role, Map<String, ConnectionRuntime> connections) {
        ConnectionRuntime rt = connections.get(id);
        if (rt == null) {
            throw new IllegalStateException(role + " connection '" + id + "' is not configured; configured: "
                    + connections.keySet());
        }
        if (!rt.running()) {
            throw new IllegalStateException(role + " connection '" + id + "' is not running: " + rt.error());
        }
        return rt;
    }

    private static List<String> describe(ConnectionRuntime rt) {
        return rt.handlers().mappers().stream()
                .map(m -> m.name() + ":" + m.input().getSimpleName() + "→" + m.output().getSimpleName()).toList();
    }
}
