package dev.junction.sandbox.brightpearl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The live items of one kind ordered by {@code (updatedOn, id)}, so an {@code updatedOn} PERIOD search (the hub
 * polls {@code updatedOn=<since>/} many times a second) visits only the items in range instead of every item.
 *
 * <p>The primary map stays the truth: keys hold ids only and are resolved through it, so a stale key (left
 * by a race with {@link BpState#reset}) can only add a candidate that the search's own filter then drops; a
 * MISSING key would lose a row, so every write adds the new key before removing the old one, and all key
 * changes for an item happen under that item's monitor, the lock its fields are already written under.
 */
final class UpdatedOnIndex<T> {
    private record Key(Instant at, long id) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::at).thenComparingLong(Key::id);

    private final ConcurrentSkipListSet<Key> keys = new ConcurrentSkipListSet<>(ORDER);
    private final Map<Long, T> items;
    private final ToLongFunction<T> idOf;
    private final Function<T, Instant> updatedOnOf;
    private final BiConsumer<T, Instant> setUpdatedOn;

    UpdatedOnIndex(Map<Long, T> items, ToLongFunction<T> idOf, Function<T, Instant> updatedOnOf,
                   BiConsumer<T, Instant> setUpdatedOn) {
        this.items = items;
        this.idOf = idOf;
        this.updatedOnOf = updatedOnOf;
        this.setUpdatedOn = setUpdatedOn;
    }

    /**
     * Makes {@code item} the live one for its id, replacing (and un-indexing) any earlier object with that id.
     * Use instead of {@code items.put}. Locks the replaced object, then the new one: a concurrent write to the
     * replaced object either finishes first or, once it gets the lock, sees it is no longer live and leaves the
     * keys alone (see {@link #moved}); the caller must hold no item lock.
     */
    void publish(T item) {
        long id = idOf.applyAsLong(item);
        while (true) {
            T old = items.get(id);
            if (old == null) {
                synchronized (item) {
                    // put before adding the key: reset clears the keys before the items, so no order of the two
                    // leaves a live item without a key
                    if (items.putIfAbsent(id, item) == null) {
                        keys.add(key(item));
                        return;
                    }
                }
            } else {
                synchronized (old) {
                    synchronized (item) {
                        if (items.replace(id, old, item)) {
                            // Keys only ever move forward in time: a search walking the keys in order has either
                            // passed the old key (and seen the item) or will reach the new one. A replacement
                            // stamped before a move of the item it replaces (its clock read first) would put its
                            // key behind a search that then loses the old one, so it is stamped no earlier than
                            // the item it replaces, as a record's updatedOn never goes back.
                            if (updatedOnOf.apply(item).isBefore(updatedOnOf.apply(old))) {
                                setUpdatedOn.accept(item, updatedOnOf.apply(old));
                            }
                            Key now = key(item);
                            Key was = key(old);
                            keys.add(now);
                            if (!was.equals(now)) {
                                keys.remove(was);
                            }
                            return;
                        }
                    }
                }
            }
            // another writer published or reset in between: look again
        }
    }

    /**
     * Re-keys {@code item} after its updatedOn changed from {@code before}; the caller holds the item's monitor
     * and has already written the new value. Objects not (or no longer) live are not indexed: they are keyed
     * when {@link #publish}ed, and a replaced or reset one must not touch the keys of its successor.
     */
    void moved(T item, Instant before) {
        long id = idOf.applyAsLong(item);
        if (items.get(id) != item) {
            return;
        }
        Key now = key(item);
        keys.add(now); // new key first: a search running meanwhile sees the item under one key or both, never none
        Key was = new Key(before, id);
        if (!was.equals(now)) {
            keys.remove(was);
        }
    }

    /** Called by reset before the primary map is cleared (see {@link #publish}). */
    void clear() {
        keys.clear();
    }

    /**
     * Candidates for a PERIOD filter: the live items whose key lies in the period (both ends included), in
     * ascending id order without duplicates; null (scan) for a value that is not a period, which the filter
     * itself reports.
     */
    Function<String, Collection<T>> candidates() {
        return raw -> {
            Search.Period p = Search.Period.parse(raw);
            if (p == null) {
                return null;
            }
            NavigableSet<Key> range;
            if (p.from() == null) {
                range = keys.headSet(new Key(p.to(), Long.MAX_VALUE), true);
            } else if (p.to() == null) {
                range = keys.tailSet(new Key(p.from(), Long.MIN_VALUE), true);
            } else if (p.from().isAfter(p.to())) {
                return List.of(); // subSet would throw; nothing is both at or after from and at or before to
            } else {
                range = keys.subSet(new Key(p.from(), Long.MIN_VALUE), true, new Key(p.to(), Long.MAX_VALUE), true);
            }
            long[] ids = new long[16];
            int n = 0;
            for (Key k : range) {
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = k.id();
            }
            Arrays.sort(ids, 0, n);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (i > 0 && ids[i] == ids[i - 1]) {
                    continue; // an item caught mid-move shows under its old and new key
                }
                T t = items.get(ids[i]);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        };
    }

    /** Number of keys, for tests: equals the number of live items when no write is in flight. */
    int size() {
        return keys.size();
    }

    private Key key(T item) {
        return new Key(updatedOnOf.apply(item), idOf.applyAsLong(item));
    }
}
