package dev.junction.hub.flow;

import dev.junction.api.source.SourceRecord;
import dev.junction.hub.store.Cursor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Cursor arithmetic for polls. A cursor is the newest modification time seen plus the ids seen at exactly
 * that time. Polls re-read from {@code cursor - overlap}; records tied with the cursor's time that were
 * already taken are dropped here, and anything older inside the overlap is deduped by the store's unique
 * key. Together: no gap when several records share a timestamp across pages, and no repeat.
 */
public final class CursorMath {
    private CursorMath() {
    }

    /** The records of a page that the cursor has not already taken. */
    public static List<SourceRecord> unseen(Cursor cursor, List<SourceRecord> page) {
        if (cursor == null) {
            return page;
        }
        List<SourceRecord> out = new ArrayList<>(page.size());
        for (SourceRecord r : page) {
            boolean tiedAndTaken = r.modifiedAt().equals(cursor.timestamp()) && cursor.idsAtTimestamp().contains(r.id());
            if (!tiedAndTaken) {
                out.add(r);
            }
        }
        return out;
    }

    /** The cursor after taking {@code records}: it never moves backwards. */
    public static Cursor advance(Cursor cursor, List<SourceRecord> records) {
        Instant ts = cursor == null ? null : cursor.timestamp();
        Set<String> ids = cursor == null ? new HashSet<>() : new HashSet<>(cursor.idsAtTimestamp());
        for (SourceRecord r : records) {
            if (ts == null || r.modifiedAt().isAfter(ts)) {
                ts = r.modifiedAt();
                ids = new HashSet<>();
                ids.add(r.id());
            } else if (r.modifiedAt().equals(ts)) {
                ids.add(r.id());
            }
        }
        return ts == null ? cursor : new Cursor(ts, ids);
    }
}
