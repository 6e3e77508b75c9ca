package dev.junction.plugin.bigcommerce.testing;

import dev.junction.api.service.ConnectionState;
import io.vertx.core.Future;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Connection state held in memory, for webhook tests that need no hub. */
public final class MemoryState implements ConnectionState {
    public final Map<String, String> values = new ConcurrentHashMap<>();

    @Override
    public Future<Optional<String>> get(String key) {
        return Future.succeededFuture(Optional.ofNullable(values.get(key)));
    }

    @Override
    public Future<Void> put(String key, String value) {
        values.put(key, value);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> remove(String key) {
        values.remove(key);
        return Future.succeededFuture();
    }
}
