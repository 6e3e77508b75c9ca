package dev.junction.plugin.brightpearl.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rows a {@link SearchIndex} holds, by id and by key (the lowest id wins a key several rows share). Not
 * thread-safe: the owning index calls it under its own lock.
 */
final class IndexedRows {
    private final Map<Long, SearchIndex.Entry> byId = new HashMap<>();
    private final Map<String, Long> byKey = new HashMap<>();

    /** Rows built from a full read, the newest of any id kept. */
    static IndexedRows of(List<SearchIndex.Entry> rows) {
        IndexedRows out = new IndexedRows();
        for (SearchIndex.Entry e : rows) {
            out.upsert(e, true);
        }
        return out;
    }

    /**
     * A reload's rows, keeping what this copy knows that is newer: rows changed (or created by the hub) since
     * {@code recent}. Rows in neither are gone from Brightpearl.
     */
    IndexedRows mergedWith(List<SearchIndex.Entry> reloaded, Instant recent) {
        IndexedRows out = of(reloaded);
        for (SearchIndex.Entry e : byId.values()) {
            SearchIndex.Entry fresh = out.byId.get(e.id());
            if (fresh == null ? e.updatedOn() != null && !e.updatedOn().isBefore(recent)
                    : e.updatedOn() != null && fresh.updatedOn() != null && e.updatedOn().isAfter(fresh.updatedOn())) {
                out.upsert(e, false);
            }
        }
        return out;
    }

    SearchIndex.Entry byKey(String key) {
        Long id = byKey.get(key);
        return id == null ? null : byId.get(id);
    }

    int size() {
        return byId.size();
    }

    /** Keeps {@code e} unless the row held is newer (when {@code onlyNewer}). */
    void upsert(SearchIndex.Entry e, boolean onlyNewer) {
        SearchIndex.Entry old = byId.get(e.id());
        if (e.equals(old)) {
            return; // a refresh re-reading a row it already holds (most of what the overlaps re-read)
        }
        if (old != null && onlyNewer && old.updatedOn() != null && e.updatedOn() != null
                && old.updatedOn().isAfter(e.updatedOn())) {
            return;
        }
        if (old != null && old.key() != null && !old.key().equals(e.key())) {
            byId.remove(e.id());
            unlink(old);
        }
        byId.put(e.id(), e);
        link(e);
    }

    /** Merges {@code extra} into a row's other columns (a null value removes one), keeping its key and date. */
    void patch(long id, Map<String, Object> extra) {
        SearchIndex.Entry old = byId.get(id);
        if (old != null) {
            Map<String, Object> merged = new HashMap<>(old.extra());
            merged.putAll(extra);
            merged.values().removeIf(Objects::isNull);
            byId.put(id, new SearchIndex.Entry(id, old.key(), old.updatedOn(), Map.copyOf(merged)));
        }
    }

    void remove(long id) {
        SearchIndex.Entry old = byId.remove(id);
        if (old != null) {
            unlink(old);
        }
    }

    private void link(SearchIndex.Entry e) {
        if (e.key() != null) {
            byKey.merge(e.key(), e.id(), Math::min);
        }
    }

    /** Removes {@code old}'s key if it pointed at it, handing the key to another row holding it, if any. */
    private void unlink(SearchIndex.Entry old) {
        if (old.key() == null || !Long.valueOf(old.id()).equals(byKey.get(old.key()))) {
            return;
        }
        byKey.remove(old.key());
        for (SearchIndex.Entry other : byId.values()) {
            if (other.id() != old.id() && old.key().equals(other.key())) {
                link(other);
            }
        }
    }
}
