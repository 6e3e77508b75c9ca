package dev.junction.plugin.brightpearl.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A thread-safe map that keeps at most {@code capacity} entries, dropping the least recently used: for what the
 * hub remembers per contact or per key over its whole life, which would otherwise grow with every customer it
 * ever sees. Only for values that are a saving (a write or a search not repeated), never for something that
 * must not be forgotten: a dropped entry costs a request, not a wrong answer.
 */
public final class LruMap<K, V> {
    private final Map<K, V> entries;

    public LruMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    public synchronized int size() {
        return entries.size();
    }
}
