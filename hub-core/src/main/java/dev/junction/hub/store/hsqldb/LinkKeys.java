package dev.junction.hub.store.hsqldb;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which id-link keys (entity, from connection, from id, to connection) may exist: a Bloom filter over every
 * key the store has written, and every key found in the table when it opened. Its "absent" is certain, so the
 * flow engine's look-up of a record's link (empty for every new order) needs no trip to the store's worker, and
 * a new link is written without looking for an old one first.
 *
 * <p>Sound because one process owns the database (HSQLDB locks the file) and every link is written through
 * {@link LinkDao}, which adds the key <i>before</i> it writes the row: a look-up that runs meanwhile reads the
 * table as before, and a rolled-back write leaves only a false "may exist". Until the scan of the table at
 * open has finished, every key may exist.
 */
final class LinkKeys {
    /** 2 MB: about 1% false "may exist" at 1.7 million keys; more keys only raise that rate, never lose a link. */
    static final int BITS = 1 << 24;
    private static final int HASHES = 7;

    private final AtomicLongArray words = new AtomicLongArray(BITS / 64);
    private volatile boolean complete;

    void add(String entity, String fromConnection, String fromId, String toConnection) {
        long h = hash(entity, fromConnection, fromId, toConnection);
        for (int i = 0; i < HASHES; i++) {
            int bit = bit(h, i);
            words.accumulateAndGet(bit >>> 6, 1L << (bit & 63), (word, mask) -> word | mask);
        }
    }

    /** False only for a key that has certainly never been written (and only once the opening scan is done). */
    boolean mayExist(String entity, String fromConnection, String fromId, String toConnection) {
        if (!complete) {
            return true;
        }
        long h = hash(entity, fromConnection, fromId, toConnection);
        for (int i = 0; i < HASHES; i++) {
            int bit = bit(h, i);
            if ((words.get(bit >>> 6) & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Every key already in the table has been added: "absent" answers may now be trusted. */
    void markComplete() {
        complete = true;
    }

    private static int bit(long h, int i) {
        int h1 = (int) h;
        int h2 = (int) (h >>> 32) | 1; // odd, so the probes differ
        return (h1 + i * h2) & (BITS - 1);
    }

    /* 64-bit FNV-1a over the four parts, each followed by a separator no id contains (U+0000). */
    private static long hash(String entity, String fromConnection, String fromId, String toConnection) {
        long h = mix(mix(mix(mix(0xcbf29ce484222325L, entity), fromConnection), fromId), toConnection);
        return h ^ (h >>> 29); // FNV's low bits mix poorly; fold the high ones in
    }

    private static long mix(long h, String part) {
        for (int i = 0; i < part.length(); i++) {
            h = (h ^ part.charAt(i)) * 0x100000001b3L;
        }
        return h * 0x100000001b3L; // the separator
    }
}
