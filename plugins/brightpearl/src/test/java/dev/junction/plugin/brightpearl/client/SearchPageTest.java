package dev.junction.plugin.brightpearl.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a row by position gives what the row's map gives, however odd the columns. */
class SearchPageTest {

    private static SearchPage page(String columns, String results) {
        return SearchPage.decode(new JsonObject("{\"results\":" + results + ",\"metaData\":{\"columns\":" + columns + "}}"),
                null);
    }

    /** value(row, column(name)) equals rows().get(row).getValue(name) for every row and name (and one absent). */
    private static void positionalMatchesMaps(SearchPage page, List<String> names) {
        for (int row = 0; row < page.size(); row++) {
            for (String name : names) {
                assertThat(page.value(row, page.column(name))).as("row %s, %s", row, name)
                        .isEqualTo(page.rows().get(row).getValue(name));
            }
        }
    }

    @Test
    void valuesByPositionMatchTheRowMaps() {
        SearchPage page = page("""
                [{"name":"contactId"},{"name":"primaryEmail"},{"name":"updatedOn"},{"name":"firstName"},{"name":"pri"}]""", """
                [[1,"a@x.com","2020-03-31T15:02:44.000-06:00","Ada",{"x":1}],
                 [2,null,"2020-03-31T15:02:44.000-06:00"],
                 [3,"c@x.com","2020-03-31T15:02:44.000-06:00","Cy",[1,2],"beyond the columns"],
                 []]""");
        assertThat(page.size()).isEqualTo(4);
        positionalMatchesMaps(page, List.of("contactId", "primaryEmail", "updatedOn", "firstName", "pri", "absent"));
        assertThat(page.column("absent")).isEqualTo(-1);
        assertThat(page.value(0, page.column("pri"))).isEqualTo(new JsonObject().put("x", 1));
        assertThat(page.value(2, page.column("pri"))).isEqualTo(new JsonArray().add(1).add(2));
    }

    @Test
    void aRepeatedColumnReadsAsTheMapDid() {
        // the later position wins, unless the row stops before it
        SearchPage page = page("""
                [{"name":"a"},{"name":"b"},{"name":"a"},{"name":"c"},{"name":"a"}]""", """
                [[1,2,3,4,5],[1,2,3,4],[1,2,3],[1,2],[1],[]]""");
        positionalMatchesMaps(page, List.of("a", "b", "c"));
        assertThat(page.value(0, page.column("a"))).isEqualTo(5);
        assertThat(page.value(1, page.column("a"))).isEqualTo(3);
        assertThat(page.value(3, page.column("a"))).isEqualTo(1);
    }

    @Test
    void rowMapsAreBuiltOnceAndKeepTheirShape() {
        SearchPage page = page("[\"orderId\",{\"name\":\"orderStatusId\"}]", "[[322,3],[323,4]]");
        assertThat(page.rows()).isSameAs(page.rows());
        assertThat(page.rows().get(0).encode()).isEqualTo("{\"orderId\":322,\"orderStatusId\":3}");
        assertThat(page.firstResult()).isEqualTo(1);
        assertThat(page.lastResult()).isEqualTo(2);
        assertThat(page.resultsAvailable()).isEqualTo(-1);
        assertThat(page.morePagesAvailable()).isFalse();
        assertThat(page.reference()).isEqualTo(new JsonObject());
    }

    @Test
    void anythingButAnObjectIsAnEmptyPage() {
        SearchPage page = SearchPage.decode("nothing", null);
        assertThat(page.rows()).isEmpty();
        assertThat(page.size()).isZero();
        assertThat(page.column("orderId")).isEqualTo(-1);
        assertThat(page.lastResult()).isZero();
    }

    @Test
    void malformedPagesStillFailWhenDecoded() {
        assertThatThrownBy(() -> page("[{\"name\":\"a\"}]", "[[1],{\"a\":1}]")).isInstanceOf(ClassCastException.class);
        // a nameless column that a row has a value for cannot be a map key
        assertThatThrownBy(() -> page("[{\"name\":\"a\"},{}]", "[[1,2]]")).isInstanceOf(NullPointerException.class);
        assertThat(page("[{\"name\":\"a\"},{}]", "[[1]]").rows().get(0).getInteger("a")).isEqualTo(1);
    }
}
