package dev.junction.plugin.brightpearl.support;

import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import dev.junction.plugin.brightpearl.client.SearchPage;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Reads a {@link SearchIndex}'s rows from a Brightpearl search, page by page, as entries rather than JSON. */
final class SearchReader {
    private final BrightpearlClient client;
    private final SearchIndex.Spec spec;
    /** {@code spec.extra()} once each: a repeated column was one map key, and {@link Map#ofEntries} rejects repeats. */
    private final String[] extra;

    SearchReader(BrightpearlClient client, SearchIndex.Spec spec) {
        this.client = client;
        this.spec = spec;
        this.extra = new LinkedHashSet<>(spec.extra()).toArray(new String[0]);
    }

    /** Every row matching {@code filters}, or null when there are more than {@code max}. */
    Future<List<SearchIndex.Entry>> rows(Map<String, String> filters, long max) {
        return pages(filters, new ArrayList<>(), 1, max);
    }

    /** Pages through a search, keeping each row as an entry (not its JSON); null when the rows exceed {@code max}. */
    private Future<List<SearchIndex.Entry>> pages(Map<String, String> filters, List<SearchIndex.Entry> acc, int first, long max) {
        return client.search(spec.path(), filters, first, BrightpearlClient.PAGE_SIZE).compose(page -> {
            if ((page.resultsAvailable() > max) || acc.size() + page.size() > max) {
                return Future.succeededFuture(null);
            }
            addEntries(page, acc);
            if (page.morePagesAvailable() && page.size() > 0) {
                return pages(filters, acc, page.nextFirstResult(), max);
            }
            return Future.succeededFuture(acc);
        });
    }

    /** Appends the page's rows that have an id, as entries. */
    void addEntries(SearchPage page, List<SearchIndex.Entry> acc) {
        // read by position, each column looked up once a page: no map per row (see SearchPage)
        Columns columns = new Columns(page);
        for (int row = 0; row < page.size(); row++) {
            SearchIndex.Entry e = entry(page, row, columns);
            if (e != null) {
                acc.add(e);
            }
        }
    }

    /** The columns the index keeps, sorted by id so pages do not shift while new rows arrive. */
    Map<String, String> query() {
        List<String> columns = new ArrayList<>(List.of(spec.idColumn(), spec.keyColumn(), "updatedOn"));
        spec.extra().forEach(c -> {
            if (!columns.contains(c)) {
                columns.add(c);
            }
        });
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("columns", String.join(",", columns));
        filters.put("sort", spec.idColumn() + "|ASC");
        return filters;
    }

    /** Where a page holds the columns an entry is made of (-1 for one it lacks, read as null). */
    private final class Columns {
        final int id;
        final int key;
        final int updatedOn;
        final int[] extras;

        Columns(SearchPage page) {
            id = page.column(spec.idColumn());
            key = page.column(spec.keyColumn());
            updatedOn = page.column("updatedOn");
            extras = new int[extra.length];
            for (int i = 0; i < extra.length; i++) {
                extras[i] = page.column(extra[i]);
            }
        }
    }

    private SearchIndex.Entry entry(SearchPage page, int row, Columns columns) {
        Long id = BpJson.longId(page.value(row, columns.id));
        if (id == null) {
            return null;
        }
        Object k = page.value(row, columns.key);
        String key = k == null ? null : spec.normalise().apply(k.toString());
        return new SearchIndex.Entry(id, key == null || key.isEmpty() ? null : key,
                BpJson.instant(page.value(row, columns.updatedOn)), extra(page, row, columns));
    }

    /**
     * The extra columns that have a value, as {@code Map.copyOf} of a map of them gave (the same kind of immutable
     * map), without the intermediate map; {@link Map#of()} outright when the index keeps no extra columns.
     */
    private Map<String, Object> extra(SearchPage page, int row, Columns columns) {
        if (extra.length == 0) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map.Entry<String, Object>[] found = new Map.Entry[extra.length];
        int n = 0;
        for (int i = 0; i < extra.length; i++) {
            Object v = page.value(row, columns.extras[i]);
            if (v != null) {
                found[n++] = Map.entry(extra[i], v);
            }
        }
        return Map.ofEntries(n == found.length ? found : Arrays.copyOf(found, n));
    }
}
