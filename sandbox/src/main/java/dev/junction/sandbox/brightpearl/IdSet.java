package dev.junction.sandbox.brightpearl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Brightpearl ID set: {@code 8}, {@code 1-50}, {@code 1,5,9}, mixed {@code 1-50,55,75-82}, {@code .} as an
 * unordered separator, and {@code *} for "all". Ranges are kept as ranges so {@code 1-100000} costs nothing.
 */
public final class IdSet implements Predicate<Long> {
    /** Above this many ids a caller must iterate its own store and test membership instead. */
    public static final int MAX_EXPAND = 10_000;

    private record Range(long from, long to) {
    }

    private final List<Range> ranges;
    private final boolean all;

    private IdSet(List<Range> ranges, boolean all) {
        this.ranges = ranges;
        this.all = all;
    }

    /** Parses an id set; throws {@link IllegalArgumentException} with the offending text. */
    public static IdSet parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty id set");
        }
        String t = text.trim();
        if (t.equals("*")) {
            return new IdSet(List.of(), true);
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : t.split("[,.]")) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty element in id set " + text);
            }
            int dash = p.indexOf('-', 1);
            try {
                if (dash > 0) {
                    long from = Long.parseLong(p.substring(0, dash).trim());
                    long to = Long.parseLong(p.substring(dash + 1).trim());
                    if (to < from) {
                        throw new IllegalArgumentException("descending range " + p);
                    }
                    ranges.add(new Range(from, to));
                } else {
                    long id = Long.parseLong(p);
                    ranges.add(new Range(id, id));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an id: " + p);
            }
        }
        return new IdSet(List.copyOf(ranges), false);
    }

    public boolean isAll() {
        return all;
    }

    @Override
    public boolean test(Long id) {
        return contains(id);
    }

    public boolean contains(long id) {
        if (all) {
            return true;
        }
        for (Range r : ranges) {
            if (id >= r.from && id <= r.to) {
                return true;
            }
        }
        return false;
    }

    /** Number of ids (saturating), or {@link Long#MAX_VALUE} for {@code *}. */
    public long size() {
        if (all) {
            return Long.MAX_VALUE;
        }
        long n = 0;
        for (Range r : ranges) {
            n += r.to - r.from + 1;
        }
        return n;
    }

    /** The ids in the order written, duplicates removed; only for small sets. */
    public Set<Long> ids() {
        if (all || size() > MAX_EXPAND) {
            throw new IllegalStateException("id set too large to expand");
        }
        Set<Long> out = new LinkedHashSet<>();
        for (Range r : ranges) {
            for (long i = r.from; i <= r.to; i++) {
                out.add(i);
            }
        }
        return out;
    }

    /** Renders ids compactly, e.g. {@code [1,2,3,7]} as {@code 1-3,7}; used for webhook {@code ${resource-id}}. */
    public static String format(Iterable<Long> ids) {
        List<Long> sorted = new ArrayList<>();
        ids.forEach(sorted::add);
        sorted = sorted.stream().distinct().sorted().toList();
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(sorted.get(i));
            if (j > i) {
                sb.append('-').append(sorted.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
