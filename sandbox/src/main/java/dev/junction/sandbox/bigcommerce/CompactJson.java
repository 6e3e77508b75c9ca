package dev.junction.sandbox.bigcommerce;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The JSON of stored orders in a form that costs the collector less, still read and changed as {@link JsonObject}s.
 *
 * <p>The simulator keeps every order of a run, and a v2 order is some 400 fields (its lines carry ~50 each). Held
 * in Vert.x's {@link LinkedHashMap}s that was an entry object per field: 25 million of them, a gigabyte, after
 * 60,000 orders, and most of what each young collection of the bench JVM copied into the old generation (pauses of
 * 60-170 ms in which no simulator answered, while the hub under test waited). Here an object's fields sit in one
 * array of alternating keys and values, and short string values that repeat from order to order (most of them) are
 * held once ({@link #shared}).
 *
 * <p>{@link #compact} converts a tree once, when an order is stored; reads and in-place changes ({@code put},
 * {@code getJsonObject(..).put}, {@code mergeIn}) work on it as before. Copies handed out must be made by
 * {@link #expand}: {@link JsonObject#copy()} of an object not backed by a {@link LinkedHashMap} makes a
 * {@link java.util.HashMap}, which would lose the field order of the API's answers.
 */
final class CompactJson {
    private CompactJson() {
    }

    /** A deep copy of {@code o} backed by {@link ArrayMap}s, nested objects and arrays included. */
    static JsonObject compact(JsonObject o) {
        return copy(o, true);
    }

    static JsonArray compact(JsonArray a) {
        return copy(a, true);
    }

    /** A deep copy of {@code o} as {@link JsonObject#copy()} makes of an ordinary one: ordered maps, fields in order. */
    static JsonObject expand(JsonObject o) {
        return copy(o, false);
    }

    static JsonArray expand(JsonArray a) {
        return copy(a, false);
    }

    private static JsonObject copy(JsonObject o, boolean compact) {
        Map<String, Object> map = compact ? new ArrayMap(o.size()) : new LinkedHashMap<>(Math.max(4, o.size() * 4 / 3 + 1));
        for (Map.Entry<String, Object> e : o.getMap().entrySet()) {
            map.put(compact ? shared(e.getKey()) : e.getKey(), copyValue(e.getValue(), compact));
        }
        return new JsonObject(map);
    }

    private static JsonArray copy(JsonArray a, boolean compact) {
        List<Object> list = new ArrayList<>(a.size());
        for (Object v : a.getList()) {
            list.add(copyValue(v, compact));
        }
        return new JsonArray(list);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v, boolean compact) {
        if (v instanceof JsonObject o) return copy(o, compact);
        if (v instanceof JsonArray a) return copy(a, compact);
        if (v instanceof Map<?, ?> m) return copy(new JsonObject((Map<String, Object>) m), compact);
        if (v instanceof List<?> l) return copy(new JsonArray((List<Object>) l), compact);
        if (compact && v instanceof String s) return shared(s);
        return v; // numbers, booleans and null are immutable and shared, as JsonObject.copy() shares them
    }

    /**
     * One instance of each short string value (money amounts such as {@code "0.0000"}, types, SKUs, product names,
     * currency codes): most of an order's strings repeat in every order, and each was a string and its byte array.
     * The first {@value #MAX_SHARED} distinct values are kept (the common ones come first); later ones are stored as given.
     */
    static String shared(String s) {
        if (s.length() > MAX_SHARED_LENGTH) return s;
        String known = SHARED.get(s);
        if (known != null) return known;
        if (SHARED.size() >= MAX_SHARED) return s;
        known = SHARED.putIfAbsent(s, s);
        return known != null ? known : s;
    }

    private static final int MAX_SHARED = 65_536;
    private static final int MAX_SHARED_LENGTH = 40;
    private static final Map<String, String> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An insertion-ordered map in one array ({@code k0, v0, k1, v1, ...}), looked up by scanning: objects here have
     * tens of fields, read a few at a time, and are mostly copied out whole. Not thread-safe (orders are changed
     * under their own monitor).
     */
    static final class ArrayMap extends AbstractMap<String, Object> {
        private Object[] slots;
        private int size;

        ArrayMap(int capacity) {
            slots = new Object[Math.max(1, capacity) * 2];
        }

        private int indexOf(Object key) {
            for (int i = 0; i < size * 2; i += 2) {
                if (slots[i].equals(key)) return i;
            }
            return -1;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public Object get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : slots[i + 1];
        }

        @Override
        public Object put(String key, Object value) {
            Objects.requireNonNull(key, "key");
            int i = indexOf(key);
            if (i >= 0) {
                Object old = slots[i + 1];
                slots[i + 1] = value;
                return old;
            }
            if (size * 2 == slots.length) {
                slots = Arrays.copyOf(slots, slots.length * 2);
            }
            slots[size * 2] = key;
            slots[size * 2 + 1] = value;
            size++;
            return null;
        }

        @Override
        public Object remove(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : removeAt(i);
        }

        private Object removeAt(int i) {
            Object old = slots[i + 1];
            System.arraycopy(slots, i + 2, slots, i, size * 2 - i - 2);
            size--;
            slots[size * 2] = null;
            slots[size * 2 + 1] = null;
            return old;
        }

        @Override
        public void clear() {
            Arrays.fill(slots, 0, size * 2, null);
            size = 0;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;
                        private int last = -1;

                        @Override
                        public boolean hasNext() {
                            return next < size * 2;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (!hasNext()) throw new NoSuchElementException();
                            last = next;
                            next += 2;
                            return new Slot(last);
                        }

                        @Override
                        public void remove() {
                            if (last < 0) throw new IllegalStateException();
                            removeAt(last);
                            next = last;
                            last = -1;
                        }
                    };
                }
            };
        }

        /** One field, read and written through to the array (valid until the map's next removal). */
        private final class Slot implements Entry<String, Object> {
            private final int at;

            Slot(int at) {
                this.at = at;
            }

            @Override
            public String getKey() {
                return (String) slots[at];
            }

            @Override
            public Object getValue() {
                return slots[at + 1];
            }

            @Override
            public Object setValue(Object value) {
                Object old = slots[at + 1];
                slots[at + 1] = value;
                return old;
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Entry<?, ?> e && Objects.equals(getKey(), e.getKey()) && Objects.equals(getValue(), e.getValue());
            }

            @Override
            public int hashCode() {
                return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
            }
        }
    }
}
