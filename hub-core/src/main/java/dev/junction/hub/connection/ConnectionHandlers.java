package dev.junction.hub.connection;

import dev.junction.api.HandlerRegistry;
import dev.junction.api.mapping.MappingHandler;
import dev.junction.api.mapping.ReferenceDataSource;
import dev.junction.api.sink.SinkHandler;
import dev.junction.api.source.SourceHandler;
import dev.junction.api.webhook.WebhookHandler;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The handlers one connection registered; what flows bind to. */
public final class ConnectionHandlers implements HandlerRegistry {

    public record SinkBinding<T>(String stream, Class<T> accepts, SinkHandler<T> handler) {
    }

    public record MapperBinding<I, O>(String name, Class<I> input, Class<O> output, MappingHandler<I, O> handler) {
    }

    private final String connectionId;
    private final Map<String, SourceHandler> sources = new LinkedHashMap<>();
    private final Map<String, SinkBinding<?>> sinks = new LinkedHashMap<>();
    private final List<MapperBinding<?, ?>> mappers = new ArrayList<>();
    private final Map<String, ReferenceDataSource> referenceData = new LinkedHashMap<>();
    private WebhookHandler webhooks;

    public ConnectionHandlers(String connectionId) {
        this.connectionId = connectionId;
    }

    @Override
    public synchronized void source(String stream, SourceHandler handler) {
        if (sources.putIfAbsent(stream, handler) != null) {
            throw new IllegalStateException(connectionId + " registered source stream '" + stream + "' twice");
        }
    }

    @Override
    public synchronized <T> void sink(String stream, Class<T> accepts, SinkHandler<T> handler) {
        if (sinks.putIfAbsent(stream, new SinkBinding<>(stream, accepts, handler)) != null) {
            throw new IllegalStateException(connectionId + " registered sink stream '" + stream + "' twice");
        }
    }

    @Override
    public synchronized <I, O> void mapper(String name, Class<I> input, Class<O> output, MappingHandler<I, O> mapper) {
        for (MapperBinding<?, ?> m : mappers) {
            if (m.name().equals(name) && m.input().equals(input) && m.output().equals(output)) {
                throw new IllegalStateException(connectionId + " registered mapper '" + name + "' "
                        + input.getSimpleName() + "→" + output.getSimpleName() + " twice");
            }
        }
        mappers.add(new MapperBinding<>(name, input, output, mapper));
    }

    @Override
    public synchronized void webhooks(WebhookHandler handler) {
        if (webhooks != null) {
            throw new IllegalStateException(connectionId + " registered a webhook handler twice");
        }
        webhooks = handler;
    }

    @Override
    public synchronized void referenceData(String name, ReferenceDataSource source) {
        referenceData.put(name, source);
    }

    public Optional<SourceHandler> source(String stream) {
        return Optional.ofNullable(sources.get(stream));
    }

    public Optional<SinkBinding<?>> sink(String stream) {
        return Optional.ofNullable(sinks.get(stream));
    }

    /** The mapper named {@code name} from {@code input} to {@code output}, if registered. */
    public Optional<MapperBinding<?, ?>> mapper(String name, Class<?> input, Class<?> output) {
        return mappers.stream()
                .filter(m -> m.name().equals(name) && m.input().equals(input) && output.isAssignableFrom(m.output()))
                .findFirst();
    }

    public Optional<WebhookHandler> webhooks() {
        return Optional.ofNullable(webhooks);
    }

    public Map<String, ReferenceDataSource> referenceData() {
        return Collections.unmodifiableMap(referenceData);
    }

    public List<String> sourceStreams() {
        return List.copyOf(sources.keySet());
    }

    public List<String> sinkStreams() {
        return List.copyOf(sinks.keySet());
    }

    public List<MapperBinding<?, ?>> mappers() {
        return List.copyOf(mappers);
    }
}
