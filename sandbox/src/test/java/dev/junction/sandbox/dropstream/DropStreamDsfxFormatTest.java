package dev.junction.sandbox.dropstream;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DropStreamDsfxFormatTest {
    static DsfxFormat.OrderFile order(String number) {
        return new DsfxFormat.OrderFile(new DsfxFormat.OrderHeader(number, "2025-01-31T14:05:00Z", "Jo \"JB\" Bloggs",
                "Acme, Inc.", "1 Main St", "Line 2\r\nrear door", "Austin", "TX", "73301", "US", "", "jo@example.test",
                "UPS_GROUND", "5.00", "1.20", "0.00", "USD", "BP-12345", "", "", ""),
                List.of(new DsfxFormat.OrderLine(1, "SKU-1", 2, new BigDecimal("9.99")),
                        new DsfxFormat.OrderLine(2, "SKU-2", 1, new BigDecimal("19.50"))));
    }

    @Test
    void orderFilesRoundTripWithQuotesCommasAndLineBreaks() {
        String csv = DsfxFormat.writeOrder(order("1001"));
        assertThat(csv).startsWith("\"PH\",\"1001\",").contains("\"Jo \"\"JB\"\" Bloggs\"").endsWith("\r\n");
        assertThat(DsfxFormat.parseOrder(csv)).isEqualTo(order("1001"));
    }

    @Test
    void brokenOrderFilesSayWhatIsWrong() {
        assertThatThrownBy(() -> DsfxFormat.parseOrder("\"PD\",\"1\",\"1\",\"A\",\"1\",\"1\"\r\n")).hasMessageContaining("PH");
        String header = DsfxFormat.writeOrder(new DsfxFormat.OrderFile(order("1001").header(), List.of()));
        assertThatThrownBy(() -> DsfxFormat.parseOrder(header)).hasMessageContaining("no PD rows");
        String zeroQty = DsfxFormat.writeOrder(order("1001")).replace("\"PD\",\"1001\",\"1\",\"SKU-1\",\"2\"", "\"PD\",\"1001\",\"1\",\"SKU-1\",\"0\"");
        assertThatThrownBy(() -> DsfxFormat.parseOrder(zeroQty)).hasMessageContaining("quantity");
        assertThatThrownBy(() -> DsfxFormat.parseOrder("\"PH\",\"1\"\r\n")).hasMessageContaining("22");
    }

    @Test
    void shipmentAndInventoryFilesHaveAHeaderRow() {
        var rows = List.of(new DsfxFormat.ShipmentRow("1001", 1, "SKU-1", 2, "1Z1", "UPS", "Ground", "2025-02-01T10:00:00Z"));
        String csv = DsfxFormat.writeShipments(rows);
        assertThat(csv).startsWith("\"order_number\",\"line_number\",\"sku\",\"quantity_shipped\"");
        assertThat(DsfxFormat.parseShipments(csv)).isEqualTo(rows);
        var inv = List.of(new DsfxFormat.InventoryRow("SKU-1", "MAIN", 10, 8));
        assertThat(DsfxFormat.parseInventory(DsfxFormat.writeInventory(inv))).isEqualTo(inv);
        assertThat(DsfxFormat.ORDER_FILE.matcher("ord_1001_250131140500.csv").matches()).isTrue();
        assertThat(DsfxFormat.ORDER_FILE.matcher("ord_1001_250131140500.csv.tmp").matches()).isFalse();
    }
}
