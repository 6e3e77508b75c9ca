package dev.junction.plugin.brightpearl.support;

import dev.junction.plugin.brightpearl.client.SearchPage;
import dev.junction.plugin.brightpearl.mapping.BpJsonFastPathsTest;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Entries read by position are the entries the row maps used to give. */
class SearchReaderTest {
    private static final SearchIndex.Spec CONTACTS = new SearchIndex.Spec("contacts", "/contact-service/contact-search",
            "contactId", "primaryEmail", List.of("firstName", "lastName", "pri", "firstName"),
            s -> s.trim().toLowerCase(Locale.ROOT));
    private static final SearchIndex.Spec PRODUCTS = new SearchIndex.Spec("products", "/product-service/product-search",
            "productId", "SKU", List.of(), String::trim);

    /** The former per-row reading, from the row's map. */
    private static SearchIndex.Entry legacy(SearchIndex.Spec spec, JsonObject row) {
        Long id = BpJsonFastPathsTest.legacyLongId(row.getValue(spec.idColumn()));
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
        return new SearchIndex.Entry(id, key == null || key.isEmpty() ? null : key, BpJsonFastPathsTest.legacy(row.getValue("updatedOn")),
                Map.copyOf(extra));
    }

    private static void sameAsBefore(SearchIndex.Spec spec, SearchPage page) {
        List<SearchIndex.Entry> read = new ArrayList<>();
        new SearchReader(null, spec).addEntries(page, read);
        List<SearchIndex.Entry> expected = page.rows().stream().map(r -> legacy(spec, r))
                .filter(java.util.Objects::nonNull).toList();
        assertThat(read).isEqualTo(expected);
        for (SearchIndex.Entry e : read) {
            assertThat(e.extra().getClass()).isEqualTo(Map.copyOf(new HashMap<>(e.extra())).getClass());
        }
    }

    @Test
    void contactRowsReadAsBefore() {
        SearchPage page = SearchPage.decode(new JsonObject("""
                {"results":[
                   [200,"  Ada@Example.com ","2020-03-31T15:02:44.000-06:00","Ada","Lovelace","x"],
                   [201,null,"2026-12-03T16:32:23.574Z",null,null,null],
                   [202,"","2026-12-03",null,"Hopper"],
                   [0,"zero@example.com","2026-12-03T16:32:23.574Z"],
                   ["203","b@example.com","garbage","Bo"],
                   [null,"none@example.com"],
                   ["x","bad-id@example.com"],
                   [204,"c@example.com"]],
                 "metaData":{"columns":[{"name":"contactId"},{"name":"primaryEmail"},{"name":"updatedOn"},
                   {"name":"firstName"},{"name":"lastName"},{"name":"pri"}]}}"""), null);
        sameAsBefore(CONTACTS, page);
        List<SearchIndex.Entry> read = new ArrayList<>();
        new SearchReader(null, CONTACTS).addEntries(page, read);
        assertThat(read).extracting(SearchIndex.Entry::id).containsExactly(200L, 201L, 202L, 203L, 204L);
        assertThat(read.get(0).key()).isEqualTo("ada@example.com");
        assertThat(read.get(0).extra()).isEqualTo(Map.of("firstName", "Ada", "lastName", "Lovelace", "pri", "x"));
        assertThat(read.get(1).extra()).isEmpty();
        assertThat(read.get(2).key()).isNull();
    }

    @Test
    void columnsInAnyOrderOrMissingReadAsBefore() {
        SearchPage page = SearchPage.decode(new JsonObject("""
                {"results":[["Ada",200,"2020-03-31T15:02:44.000-06:00","a@x.com"],["Bo",201]],
                 "metaData":{"columns":[{"name":"firstName"},{"name":"contactId"},{"name":"updatedOn"},{"name":"primaryEmail"}]}}"""),
                null);
        sameAsBefore(CONTACTS, page);
        sameAsBefore(PRODUCTS, page);
    }

    @Test
    void productRowsKeepNoExtras() {
        SearchPage page = SearchPage.decode(new JsonObject("""
                {"results":[[1001," GEAR-1 ","2020-03-31T15:02:44.000-06:00"],[1002,"GEAR-2","2020-03-31T15:02:45.000-06:00"]],
                 "metaData":{"columns":[{"name":"productId"},{"name":"SKU"},{"name":"updatedOn"}]}}"""), null);
        sameAsBefore(PRODUCTS, page);
        List<SearchIndex.Entry> read = new ArrayList<>();
        new SearchReader(null, PRODUCTS).addEntries(page, read);
        assertThat(read.get(0).key()).isEqualTo("GEAR-1");
        assertThat(read.get(0).extra()).isSameAs(Map.of());
    }
}
