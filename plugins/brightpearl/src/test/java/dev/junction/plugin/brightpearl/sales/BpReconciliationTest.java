package dev.junction.plugin.brightpearl.sales;

import dev.junction.api.model.LineType;
import dev.junction.api.model.Money;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.plugin.brightpearl.Tables;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BpReconciliationTest {

    private static OrderLine line(String id, LineType type, String sku, String qty, String net, String tax) {
        return new OrderLine(id, type, sku, sku == null ? "Shipping: UPS Ground" : "Widget " + sku, new BigDecimal(qty),
                Money.of(net, "USD"), Money.of(tax, "USD"), List.of(), null);
    }

    private static Order order(Money total, OrderLine... lines) {
        return new Order("218", "#218", Instant.parse("2026-07-01T10:00:00Z"), "Awaiting Fulfillment", "USD",
                BigDecimal.ONE, null, null, null, List.of(lines), total, "UPS Ground", null, null, null, Map.of());
    }

    private static BigDecimal sum(List<PlannedRow> rows) {
        return rows.stream().map(r -> r.net().add(r.tax())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void unitPriceArithmeticLosesACentAndOneReconciliationRowRestoresIt() {
        // 300 units for 100.00: Brightpearl keeps 0.3333 a unit, so its row is 99.99
        assertThat(RowPlanner.unitPrice(new BigDecimal("100.00"), new BigDecimal("300"))).isEqualByComparingTo("0.3333");
        assertThat(RowPlanner.brightpearlRowNet(new BigDecimal("100.00"), new BigDecimal("300"))).isEqualByComparingTo("99.99");

        Order o = order(Money.of("128.00", "USD"),
                line("1", LineType.PRODUCT, "SKU-1", "300", "100.00", "8.00"),
                line("2", LineType.SHIPPING, null, "1", "20.00", "0.00"));
        List<PlannedRow> rows = RowPlanner.plan(o, Map.of("SKU-1", 1007L), new Tables(), new JsonObject());

        assertThat(rows).hasSize(3);
        PlannedRow rec = rows.get(2);
        assertThat(rec.type()).isEqualTo(LineType.RECONCILIATION);
        assertThat(rec.name()).isEqualTo("RECONCILIATION");
        assertThat(rec.productId()).isNull();
        assertThat(rec.net()).isEqualByComparingTo("0.01");
        assertThat(sum(rows)).isEqualByComparingTo("128.00");
    }

    @Test
    void noReconciliationWhenUnitPricesReproduceTheTotal() {
        Order o = order(Money.of("32.00", "USD"),
                line("1", LineType.PRODUCT, "A", "3", "10.00", "2.00"), // 3.3333 x 3 = 9.9999 -> 10.00
                line("2", LineType.PRODUCT, "B", "7", "20.00", "0.00")); // 2.8571 x 7 = 19.9997 -> 20.00
        List<PlannedRow> rows = RowPlanner.plan(o, Map.of("A", 1L, "B", 2L), new Tables(), new JsonObject());
        assertThat(rows).hasSize(2).noneMatch(r -> r.type() == LineType.RECONCILIATION);
        assertThat(sum(rows)).isEqualByComparingTo("32.00");
    }

    @Test
    void negativeDifferencesAreReconciledToo() {
        // 1000 units for 333.35: 0.3334 x 1000 = 333.40, five cents too many
        Order o = order(Money.of("333.35", "USD"), line("1", LineType.PRODUCT, "A", "1000", "333.35", "0.00"));
        List<PlannedRow> rows = RowPlanner.plan(o, Map.of("A", 1L), new Tables(), new JsonObject());
        assertThat(rows.get(1).net()).isEqualByComparingTo("-0.05");
        assertThat(sum(rows)).isEqualByComparingTo("333.35");
    }

    @Test
    void unmatchedSkuBecomesAFreeTextRowWithTheStoresName() {
        Order o = order(Money.of("12.00", "USD"), line("1", LineType.PRODUCT, "NOPE-1", "1", "10.00", "2.00"));
        PlannedRow row = RowPlanner.plan(o, Map.of(), new Tables(), new JsonObject()).get(0);
        assertThat(row.productId()).isNull();
        assertThat(row.name()).isEqualTo("Widget NOPE-1");
        assertThat(row.toJson().getString("name")).isEqualTo("Widget NOPE-1");
        assertThat(row.toJson().containsKey("productId")).isFalse();
        assertThat(row.toJson().getString("externalRef")).isEqualTo("1");
    }

    @Test
    void taxAndNominalCodesComeFromTablesThenOptions() {
        Tables t = new Tables().put("tax-codes", "SHIPPING", "SHIP").put("nominal-codes", "SHIPPING", "4040");
        Order o = order(Money.of("32.00", "USD"),
                line("1", LineType.PRODUCT, "A", "1", "10.00", "2.00"),
                line("2", LineType.PRODUCT, "B", "1", "10.00", "0.00"),
                line("3", LineType.SHIPPING, null, "1", "10.00", "0.00"));
        List<PlannedRow> rows = RowPlanner.plan(o, Map.of("A", 1L, "B", 2L), t, new JsonObject().put("exemptTaxCode", "Z"));
        assertThat(rows).extracting(PlannedRow::taxCode).containsExactly("T", "Z", "SHIP");
        assertThat(rows.get(2).nominalCode()).isEqualTo("4040");
        assertThat(rows.get(0).nominalCode()).isNull();
    }
}
