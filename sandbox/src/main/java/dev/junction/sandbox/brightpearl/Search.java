package dev.junction.sandbox.brightpearl;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Brightpearl's {@code *-search} resources: filters named after columns in the query string, results as
 * positional rows described by {@code metaData.columns}, 1-based {@code firstResult} paging, and the
 * {@code reference} block as a top-level sibling of {@code response}.
 *
 * @param <T> the searched entity
 */
final class Search<T> {
    enum Type { IDSET, INTEGER, STRING, SEARCH_STRING, BOOLEAN, PERIOD }

    record Column<T>(String name, Type type, Function<T, Object> value) {
    }

    static final int MAX_PAGE = 500;
    private static final Set<String> CONTROL = Set.of("columns", "pageSize", "firstResult", "sort");

    private final List<Column<T>> columns;
    /** column name (lower case) → the items a filter value can match, a superset of the matches, in id order; null = scan. */
    private final Map<String, Function<String, Collection<T>>> indexes = new HashMap<>();

    Search(List<Column<T>> columns) {
        this.columns = columns;
    }

    /**
     * Lets a filter on {@code column} start from {@code candidates(value)} instead of scanning every item: the
     * function answers the items that may match (in ascending id order), or null when it cannot tell (e.g. an
     * id set too large to expand). All filters still run on the candidates, so answers are the same as a scan.
     */
    Search<T> indexed(String column, Function<String, Collection<T>> candidates) {
        if (find(column) == null) {
            throw new IllegalArgumentException("no column " + column);
        }
        indexes.put(column.toLowerCase(Locale.ROOT), candidates);
        return this;
    }

    /** Candidates for an id-set filter on a map keyed by id: explicit ids looked up, {@code *} or huge sets scanned. */
    static <T> Function<String, Collection<T>> byIds(Map<Long, T> items) {
        return raw -> {
            IdSet ids;
            try {
                ids = IdSet.parse(raw.trim());
            } catch (IllegalArgumentException e) {
                return null; // the filter itself reports the bad value
            }
            if (ids.isAll() || ids.size() > IdSet.MAX_EXPAND) {
                return null;
            }
            List<T> out = new ArrayList<>();
            ids.ids().stream().sorted().forEach(id -> {
                T t = items.get(id);
                if (t != null) {
                    out.add(t);
                }
            });
            return out;
        };
    }

    /**
     * A PERIOD filter value: the documented form is from/to, either end open (2026-07-01T00:00:00Z/ = from then
     * on), both ends included; a bare date is not a period. Shared by the filter and by indexes over time
     * columns so both read a value the same way.
     */
    record Period(Instant from, Instant to) {
        /** The period, or null when {@code raw} is not one (no single slash, a bad date, both ends open). */
        static Period parse(String raw) {
            String v = raw == null ? "" : raw.trim();
            int slash = v.indexOf('/');
            if (slash < 0 || v.indexOf('/', slash + 1) >= 0) {
                return null;
            }
            String a = v.substring(0, slash);
            String b = v.substring(slash + 1);
            Instant from = a.isBlank() ? null : BpHttp.parseDate(a);
            Instant to = b.isBlank() ? null : BpHttp.parseDate(b);
            if ((!a.isBlank() && from == null) || (!b.isBlank() && to == null) || (from == null && to == null)) {
                return null;
            }
            return new Period(from, to);
        }

        boolean contains(Instant i) {
            return (from == null || !i.isBefore(from)) && (to == null || !i.isAfter(to));
        }
    }

    static <T> Column<T> col(String name, Type type, Function<T, Object> value) {
        return new Column<>(name, type, value);
    }

    /** Runs the search over {@code items} (expected in ascending id order) and builds the full body. */
    JsonObject run(Collection<T> items, MultiMap query, JsonObject reference, BpState state) {
        List<Predicate<T>> filters = new ArrayList<>();
        Collection<T> candidates = items;
        for (String name : query.names()) {
            if (CONTROL.contains(name)) {
                continue;
            }
            Column<T> c = find(name);
            if (c != null) {
                filters.add(filter(c, query.get(name)));
                Function<String, Collection<T>> index = indexes.get(c.name().toLowerCase(Locale.ROOT));
                Collection<T> narrowed = index == null || candidates != items ? null : index.apply(query.get(name));
                if (narrowed != null) {
                    candidates = narrowed;
                }
            }
            // unknown filters are ignored, as the live API does for names it does not know
        }
        int pageSize = intParam(query, "pageSize", MAX_PAGE);
        pageSize = Math.max(1, Math.min(MAX_PAGE, pageSize));
        int firstResult = Math.max(1, intParam(query, "firstResult", 1));

        Column<T> sortCol = columns.get(0);
        boolean desc = false;
        String sort = query.get("sort");
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split("[|.]");
            Column<T> c = find(parts[0]);
            if (c == null) {
                throw BpException.badRequest("CMNC-400", "Cannot sort by unknown column " + parts[0]);
            }
            sortCol = c;
            desc = parts.length > 1 && parts[1].equalsIgnoreCase("DESC");
        }
        List<T> matched = new ArrayList<>();
        outer:
        for (T item : candidates) {
            for (Predicate<T> f : filters) {
                if (!f.test(item)) {
                    continue outer;
                }
            }
            matched.add(item);
        }
        if (sortCol != columns.get(0) || desc) {
            Column<T> sc = sortCol;
            Comparator<T> cmp = Comparator.comparing(t -> comparable(sc.value().apply(t)),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            matched.sort(desc ? cmp.reversed() : cmp);
        }
        List<Column<T>> out = selected(query.get("columns"));
        JsonArray results = new JsonArray();
        int from = firstResult - 1;
        int to = Math.min(matched.size(), from + pageSize);
        for (int i = from; i < to; i++) {
            T item = matched.get(i);
            JsonArray row = new JsonArray();
            for (Column<T> c : out) {
                Object v = c.value().apply(item);
                row.add(v instanceof Instant t ? state.date(t) : v);
            }
            results.add(row);
        }
        int returned = results.size();
        JsonArray colMeta = new JsonArray();
        for (Column<T> c : out) {
            colMeta.add(new JsonObject().put("name", c.name()).put("sortable", true).put("filterable", true)
                    .put("reportDataType", c.type().name()).put("referenceData", new JsonArray())
                    .put("isFreeTextSearchable", c.type() == Type.SEARCH_STRING).put("required", false));
        }
        JsonObject meta = new JsonObject().put("morePagesAvailable", to < matched.size())
                .put("resultsAvailable", matched.size()).put("resultsReturned", returned)
                .put("firstResult", firstResult).put("lastResult", returned == 0 ? 0 : from + returned)
                .put("columns", colMeta)
                .put("sorting", new JsonArray().add(new JsonObject()
                        .put("filterable", new JsonObject().put("name", sortCol.name()))
                        .put("direction", desc ? "DESC" : "ASC")));
        return new JsonObject().put("response", new JsonObject().put("results", results).put("metaData", meta))
                .put("reference", reference == null ? new JsonObject() : reference);
    }

    private List<Column<T>> selected(String names) {
        if (names == null || names.isBlank()) {
            return columns;
        }
        List<Column<T>> out = new ArrayList<>();
        for (String n : names.split(",")) {
            Column<T> c = find(n.trim());
            if (c == null) {
                throw BpException.badRequest("CMNC-400", "Unknown column " + n.trim());
            }
            out.add(c);
        }
        return out;
    }

    private Column<T> find(String name) {
        for (Column<T> c : columns) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }

    private Predicate<T> filter(Column<T> c, String raw) {
        String v = raw == null ? "" : raw.trim();
        switch (c.type()) {
            case IDSET -> {
                IdSet ids;
                try {
                    ids = IdSet.parse(v);
                } catch (IllegalArgumentException e) {
                    throw BpException.badFilter(c.name(), raw, "IDSET");
                }
                return t -> c.value().apply(t) instanceof Number n && ids.contains(n.longValue());
            }
            case INTEGER -> {
                long want;
                try {
                    want = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw BpException.badFilter(c.name(), raw, "INTEGER");
                }
                return t -> c.value().apply(t) instanceof Number n && n.longValue() == want;
            }
            case BOOLEAN -> {
                if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                    throw BpException.badFilter(c.name(), raw, "BOOLEAN");
                }
                boolean want = Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
                return t -> Boolean.valueOf(want).equals(c.value().apply(t));
            }
            case PERIOD -> {
                Period p = Period.parse(raw);
                if (p == null) {
                    throw BpException.badFilter(c.name(), raw, "PERIOD");
                }
                return t -> c.value().apply(t) instanceof Instant i && p.contains(i);
            }
            case SEARCH_STRING -> {
                // fuzzy in the real API: the simulator matches case-insensitive substrings, so callers
                // must still compare the exact value themselves
                String want = v.toLowerCase(Locale.ROOT);
                return t -> c.value().apply(t) instanceof String s && s.toLowerCase(Locale.ROOT).contains(want);
            }
            default -> {
                return t -> c.value().apply(t) instanceof String s && s.equalsIgnoreCase(v);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable comparable(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v instanceof Comparable c ? c : v == null ? null : v.toString();
    }

    private static int intParam(MultiMap q, String name, int dflt) {
        String v = q.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw BpException.badFilter(name, v, "INTEGER");
        }
    }
}
