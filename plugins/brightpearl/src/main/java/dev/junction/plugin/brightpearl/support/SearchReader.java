package dev.junction.plugin.brightpearl.support;

import dev.junction.plugin.brightpearl.client.BrightpearlClient;
import dev.junction.plugin.brightpearl.mapping.BpJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link SearchIndex}'s rows from a Brightpearl search, page by page, as entries rather than JSON. */
final class SearchReader {
    private final BrightpearlClient client;
    private final SearchIndex.Spec spec;

    SearchReader(BrightpearlClient client, SearchIndex.Spec spec) {
        this.client = client;
        this.spec = spec;
    }

    /** Every row matching {@code filters}, or null when there are more than {@code max}. */
    Future<List<SearchIndex.Entry>> rows(Map<String, String> filters, long max) {
        return pages(filters, new ArrayList<>(), 1, max);
    }

    /** Pages through a search, keeping each row as an entry (not its JSON); null when the rows exceed {@code max}. */
    private Future<List<SearchIndex.Entry>> pages(Map<String, String> filters, List<SearchIndex.Entry> acc, int first, long max) {
        return client.search(spec.path(), filters, first, BrightpearlClient.PAGE_SIZE).compose(page -> {
            if ((page.resultsAvailable() > max) || acc.size() + page.rows().size() > max) {
                return Future.succeededFuture(null);
            }
            for (JsonObject row : page.rows()) {
                SearchIndex.Entry e = entry(row);
                if (e != null) {
                    acc.add(e);
                }
            }
            if (page.morePagesAvailable() && !page.rows().isEmpty()) {
                return pages(filters, acc, page.nextFirstResult(), max);
            }
            return Future.succeededFuture(acc);
        });
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

    private SearchIndex.Entry entry(JsonObject row) {
        Long id = BpJson.longId(row.getValue(spec.idColumn()));
        if (id == null) {
            return null;
        }
        Object k = row.getValue(spec.keyColumn());
        String key = k == null ? null : spec.normalise().apply(k.toString());
        Map<String, Object> extra = new HashMap<>();
        for (String c : spec.extra()) {
            Object v = row.getValue(c);
            if (v != null) {
                extra.put(c, v);
            }
        }
        return new SearchIndex.Entry(id, key == null || key.isEmpty() ? null : key, BpJson.instant(row.getValue("updatedOn")),
                Map.copyOf(extra));
    }
}
