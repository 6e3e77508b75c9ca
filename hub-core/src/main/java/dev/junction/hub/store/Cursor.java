package dev.junction.hub.store;

import java.time.Instant;
import java.util.Set;

/**
 * Where a flow's poll has reached: the newest modification time seen and the ids seen at exactly that
 * time, so that a later poll from {@code timestamp - overlap} neither skips a record that tied on the
 * timestamp nor repeats one already taken.
 */
public record Cursor(Instant timestamp, Set<String> idsAtTimestamp) {
    public Cursor {
        idsAtTimestamp = Set.copyOf(idsAtTimestamp);
    }
}
