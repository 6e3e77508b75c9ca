package dev.junction.plugin.brightpearl.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brightpearl id sets ({@code 8}, {@code 1-50}, {@code 1-50,55,75-82}). A GET takes at most 200 ids, and a
 * sparse set makes a long URL, so ids are split into chunks of at most {@code maxIds} ids written with at
 * most {@code maxTerms} comma-separated terms: dense runs become ranges and cost one term each.
 */
public final class IdSets {
    public static final int MAX_IDS = 200;
    /** About 100 sparse ids keep a URL well under the lengths proxies accept. */
    public static final int MAX_TERMS = 100;

    private IdSets() {
    }

    public static List<String> chunks(Collection<Long> ids) {
        return chunks(ids, MAX_IDS, MAX_TERMS);
    }

    public static List<String> chunks(Collection<Long> ids, int maxIds, int maxTerms) {
        List<long[]> runs = runs(new TreeSet<>(ids), maxIds);
        List<String> out = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        int idsInChunk = 0;
        int terms = 0;
        for (long[] run : runs) {
            int size = (int) (run[1] - run[0] + 1);
            if (terms > 0 && (idsInChunk + size > maxIds || terms + 1 > maxTerms)) {
                out.add(chunk.toString());
                chunk.setLength(0);
                idsInChunk = 0;
                terms = 0;
            }
            if (terms > 0) {
                chunk.append(',');
            }
            chunk.append(run[0] == run[1] ? Long.toString(run[0]) : run[0] + "-" + run[1]);
            idsInChunk += size;
            terms++;
        }
        if (terms > 0) {
            out.add(chunk.toString());
        }
        return out;
    }

    /** Consecutive ids as [first, last] runs, none longer than {@code maxIds}. */
    private static List<long[]> runs(TreeSet<Long> sorted, int maxIds) {
        List<long[]> runs = new ArrayList<>();
        long[] current = null;
        for (long id : sorted) {
            if (current != null && id == current[1] + 1 && current[1] - current[0] + 1 < maxIds) {
                current[1] = id;
            } else {
                current = new long[]{id, id};
                runs.add(current);
            }
        }
        return runs;
    }

    /** Parses an id set as a webhook delivers it ({@code "1-5,99"}, also '.'-separated); ascending, unique. */
    public static Set<Long> parse(String idSet) {
        Set<Long> ids = new LinkedHashSet<>();
        if (idSet == null || idSet.isBlank()) {
            return ids;
        }
        for (String term : idSet.trim().split("[,.]")) {
            String t = term.trim();
            if (t.isEmpty()) {
                continue;
            }
            int dash = t.indexOf('-', 1);
            if (dash > 0) {
                long from = Long.parseLong(t.substring(0, dash).trim());
                long to = Long.parseLong(t.substring(dash + 1).trim());
                if (to < from || to - from > 100_000) {
                    throw new IllegalArgumentException("id range '" + t + "' is reversed or too large");
                }
                for (long id = from; id <= to; id++) {
                    ids.add(id);
                }
            } else {
                ids.add(Long.parseLong(t));
            }
        }
        return ids;
    }
}
