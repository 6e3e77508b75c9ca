package dev.junction.sandbox.dropstream;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * DSFX, DropStream's warehouse file exchange, as this sandbox speaks it. Written for the engineer of the
 * DropStream connector: follow this exactly and the simulated warehouse accepts your files.
 *
 * <h2>Transport</h2>
 * SFTP (loopback, password or public-key auth). Folders:
 * <ul>
 *   <li>{@code /in}: orders from the channel (the hub writes here);</li>
 *   <li>{@code /in/archive}: where the warehouse moves each order file it ingested (name unchanged);</li>
 *   <li>{@code /in/rejected}: where it moves a file it could not read, next to {@code <name>.error.txt}
 *       holding the reason; a rejected file is never retried;</li>
 *   <li>{@code /out}: shipment ({@code shp_*.csv}) and inventory ({@code inv_*.csv}) files from the
 *       warehouse; the hub reads them and deletes (or moves) them when done.</li>
 * </ul>
 * The warehouse only reads names ending in {@code .csv}, so <b>upload as {@code <name>.tmp} and rename to
 * {@code <name>}</b>: a file is then never read half-written. It writes its own {@code /out} files the same
 * way. An order number that was already ingested is rejected as a duplicate, so before uploading, look for
 * {@code ord_<ORDERID>_*.csv} in {@code /in}, {@code /in/archive} (and {@code /in/rejected}).
 *
 * <h2>Common CSV rules</h2>
 * RFC 4180: UTF-8 (no BOM; a BOM is tolerated on input), fields separated by {@code ,}, records ended by
 * CRLF (a bare LF is accepted on input), a field containing {@code ,}, {@code "}, CR or LF is enclosed in
 * double quotes with inner quotes doubled. The warehouse quotes every field it writes. Empty optional
 * fields are empty strings. Dates: {@code order_date} and {@code shipped_at} are ISO-8601 instants in UTC
 * ({@code 2025-01-31T14:05:00Z}); {@code requested_ship_date} is {@code YYYY-MM-DD}. Money and prices are
 * plain decimals with a {@code .} separator and no currency symbol ({@code 12.50}); quantities are
 * non-negative integers (positive in order files).
 *
 * <h2>Order file (hub → {@code /in})</h2>
 * Name {@code ord_<ORDERID>_<YYMMDDHHMMSS>.csv}: ORDERID is the PH order number with every character outside
 * {@code [A-Za-z0-9._-]} replaced by {@code -} (1 to 64 characters); the timestamp is UTC. One order per
 * file: exactly one {@code "PH"} row first, then one or more {@code "PD"} rows. No header row.
 * <p>{@code "PH"} pick header, layout version 2, exactly 22 fields:
 * <ol>
 *   <li>{@code record_type}: {@code PH}</li>
 *   <li>{@code order_number}*: the channel's order number (the hub's idempotency key), at most 64 characters</li>
 *   <li>{@code order_date}*: ISO-8601 instant</li>
 *   <li>{@code ship_to_name}*</li>
 *   <li>{@code ship_to_company}</li>
 *   <li>{@code ship_to_address1}*</li>
 *   <li>{@code ship_to_address2}</li>
 *   <li>{@code ship_to_city}*</li>
 *   <li>{@code ship_to_state}: state or province code</li>
 *   <li>{@code ship_to_postal_code}*</li>
 *   <li>{@code ship_to_country}*: ISO 3166-1 alpha-2, upper case</li>
 *   <li>{@code ship_to_phone}</li>
 *   <li>{@code ship_to_email}</li>
 *   <li>{@code shipping_method}*: the warehouse's method code, e.g. {@code UPS_GROUND}, {@code USPS_PRIORITY},
 *       {@code FEDEX_2DAY} (the code's first {@code _}-separated word is the carrier)</li>
 *   <li>{@code shipping_amount}: decimal</li>
 *   <li>{@code tax_amount}: decimal</li>
 *   <li>{@code discount_amount}: decimal</li>
 *   <li>{@code currency}: ISO 4217</li>
 *   <li>{@code customer_reference}: free text shown on the packing slip, e.g. the Brightpearl order id</li>
 *   <li>{@code notes}: packing instructions</li>
 *   <li>{@code gift_message}</li>
 *   <li>{@code requested_ship_date}: {@code YYYY-MM-DD}</li>
 * </ol>
 * (* = required, non-empty.)
 * <p>{@code "PD"} pick detail, exactly 6 fields: {@code "PD",order_number,line_number,sku,quantity,unit_price}:
 * the order number repeats PH's; line numbers are positive integers, unique in the file; sku is required;
 * quantity is a positive integer; unit_price a decimal (may be {@code 0}).
 * <pre>
 * "PH","1001","2025-01-31T14:05:00Z","Jo Bloggs","","1 Main St","Apt 2","Austin","TX","73301","US","","jo@example.com","UPS_GROUND","5.00","1.20","0.00","USD","BP-12345","","",""
 * "PD","1001","1","SKU-1","2","9.99"
 * "PD","1001","2","SKU-2","1","19.50"
 * </pre>
 *
 * <h2>Shipment file (warehouse → {@code /out})</h2>
 * Name {@code shp_<ORDERID>_<YYMMDDHHMMSS>_<NNNNNN>.csv} (NNNNNN: a sequence number, so names are unique).
 * One shipment per file. First row is this header, then one row per shipped order line:
 * {@code order_number,line_number,sku,quantity_shipped,tracking_number,carrier,service,shipped_at}.
 * {@code line_number} and {@code order_number} are the ones from the order file; a line shipped in part has
 * {@code quantity_shipped} below the ordered quantity, and the rest comes in a later file.
 *
 * <h2>Inventory file (warehouse → {@code /out})</h2>
 * Name {@code inv_<YYMMDDHHMMSS>_<NNNNNN>.csv}. Header row
 * {@code sku,warehouse,on_hand,available}, then one row per sku and warehouse code; quantities are absolute
 * levels, not deltas.
 */
public final class DsfxFormat {
    public static final int PH_FIELDS = 22;
    public static final int PD_FIELDS = 6;
    public static final List<String> SHIPMENT_HEADER = List.of("order_number", "line_number", "sku", "quantity_shipped",
            "tracking_number", "carrier", "service", "shipped_at");
    public static final List<String> INVENTORY_HEADER = List.of("sku", "warehouse", "on_hand", "available");
    public static final Pattern ORDER_FILE = Pattern.compile("ord_([A-Za-z0-9._-]{1,64})_(\\d{12})\\.csv");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    /** A PH row, fields in file order. */
    public record OrderHeader(String orderNumber, String orderDate, String shipToName, String shipToCompany,
                              String shipToAddress1, String shipToAddress2, String shipToCity, String shipToState,
                              String shipToPostalCode, String shipToCountry, String shipToPhone, String shipToEmail,
                              String shippingMethod, String shippingAmount, String taxAmount, String discountAmount,
                              String currency, String customerReference, String notes, String giftMessage,
                              String requestedShipDate) {
    }

    /** A PD row. */
    public record OrderLine(int lineNumber, String sku, int quantity, BigDecimal unitPrice) {
    }

    public record OrderFile(OrderHeader header, List<OrderLine> lines) {
    }

    public record ShipmentRow(String orderNumber, int lineNumber, String sku, int quantityShipped, String trackingNumber,
                              String carrier, String service, String shippedAt) {
    }

    public record InventoryRow(String sku, String warehouse, int onHand, int available) {
    }

    /** A file that breaks these rules; the message says which row and field. */
    public static final class DsfxException extends RuntimeException {
        public DsfxException(String message) {
            super(message);
        }
    }

    private DsfxFormat() {
    }

    public static String orderFileName(String orderNumber, LocalDateTime utc) {
        return "ord_" + orderNumber.replaceAll("[^A-Za-z0-9._-]", "-") + "_" + STAMP.format(utc) + ".csv";
    }

    public static String shipmentFileName(String orderNumber, LocalDateTime utc, int sequence) {
        return String.format("shp_%s_%s_%06d.csv", orderNumber.replaceAll("[^A-Za-z0-9._-]", "-"), STAMP.format(utc), sequence);
    }

    public static String inventoryFileName(LocalDateTime utc, int sequence) {
        return String.format("inv_%s_%06d.csv", STAMP.format(utc), sequence);
    }

    // ---- order files

    public static String writeOrder(OrderFile order) {
        OrderHeader h = order.header();
        StringBuilder sb = new StringBuilder();
        appendRow(sb, java.util.Arrays.asList("PH", h.orderNumber(), h.orderDate(), h.shipToName(), h.shipToCompany(), h.shipToAddress1(),
                h.shipToAddress2(), h.shipToCity(), h.shipToState(), h.shipToPostalCode(), h.shipToCountry(), h.shipToPhone(),
                h.shipToEmail(), h.shippingMethod(), h.shippingAmount(), h.taxAmount(), h.discountAmount(), h.currency(),
                h.customerReference(), h.notes(), h.giftMessage(), h.requestedShipDate()));
        for (OrderLine l : order.lines()) {
            appendRow(sb, java.util.Arrays.asList("PD", h.orderNumber(), String.valueOf(l.lineNumber()), l.sku(), String.valueOf(l.quantity()),
                    l.unitPrice().toPlainString()));
        }
        return sb.toString();
    }

    public static OrderFile parseOrder(String content) {
        List<List<String>> rows = Csv.parse(content);
        if (rows.isEmpty()) throw new DsfxException("empty file");
        List<String> ph = rows.get(0);
        if (!"PH".equals(ph.get(0))) throw new DsfxException("row 1: expected a \"PH\" record first, found \"" + ph.get(0) + "\"");
        if (ph.size() != PH_FIELDS) throw new DsfxException("row 1: PH has " + ph.size() + " fields, expected " + PH_FIELDS);
        for (int i : new int[]{1, 2, 3, 5, 7, 9, 10, 13}) {
            if (ph.get(i).isBlank()) throw new DsfxException("row 1: PH field " + (i + 1) + " is required");
        }
        if (!ph.get(10).matches("[A-Z]{2}")) throw new DsfxException("row 1: ship_to_country must be ISO 3166 alpha-2, got \"" + ph.get(10) + "\"");
        try {
            java.time.Instant.parse(ph.get(2));
        } catch (java.time.format.DateTimeParseException e) {
            throw new DsfxException("row 1: order_date is not an ISO-8601 instant: \"" + ph.get(2) + "\"");
        }
        OrderHeader header = new OrderHeader(ph.get(1), ph.get(2), ph.get(3), ph.get(4), ph.get(5), ph.get(6), ph.get(7),
                ph.get(8), ph.get(9), ph.get(10), ph.get(11), ph.get(12), ph.get(13), ph.get(14), ph.get(15), ph.get(16),
                ph.get(17), ph.get(18), ph.get(19), ph.get(20), ph.get(21));
        List<OrderLine> lines = new ArrayList<>();
        java.util.Set<Integer> lineNumbers = new java.util.HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> pd = rows.get(r);
            String where = "row " + (r + 1) + ": ";
            if (!"PD".equals(pd.get(0))) throw new DsfxException(where + "expected a \"PD\" record, found \"" + pd.get(0) + "\"");
            if (pd.size() != PD_FIELDS) throw new DsfxException(where + "PD has " + pd.size() + " fields, expected " + PD_FIELDS);
            if (!pd.get(1).equals(header.orderNumber())) throw new DsfxException(where + "order number \"" + pd.get(1) + "\" differs from PH's");
            int lineNumber = positive(pd.get(2), where + "line_number");
            if (!lineNumbers.add(lineNumber)) throw new DsfxException(where + "duplicate line_number " + lineNumber);
            if (pd.get(3).isBlank()) throw new DsfxException(where + "sku is required");
            int qty = positive(pd.get(4), where + "quantity");
            BigDecimal price;
            try {
                price = new BigDecimal(pd.get(5));
            } catch (NumberFormatException e) {
                throw new DsfxException(where + "unit_price is not a decimal: \"" + pd.get(5) + "\"");
            }
            lines.add(new OrderLine(lineNumber, pd.get(3), qty, price));
        }
        if (lines.isEmpty()) throw new DsfxException("no PD rows: an order needs at least one line");
        return new OrderFile(header, lines);
    }

    // ---- shipment and inventory files

    public static String writeShipments(List<ShipmentRow> rows) {
        StringBuilder sb = new StringBuilder();
        appendRow(sb, SHIPMENT_HEADER);
        for (ShipmentRow r : rows) {
            appendRow(sb, java.util.Arrays.asList(r.orderNumber(), String.valueOf(r.lineNumber()), r.sku(), String.valueOf(r.quantityShipped()),
                    r.trackingNumber(), r.carrier(), r.service(), r.shippedAt()));
        }
        return sb.toString();
    }

    public static List<ShipmentRow> parseShipments(String content) {
        List<ShipmentRow> out = new ArrayList<>();
        for (List<String> r : body(content, SHIPMENT_HEADER)) {
            out.add(new ShipmentRow(r.get(0), Integer.parseInt(r.get(1)), r.get(2), Integer.parseInt(r.get(3)), r.get(4),
                    r.get(5), r.get(6), r.get(7)));
        }
        return out;
    }

    public static String writeInventory(List<InventoryRow> rows) {
        StringBuilder sb = new StringBuilder();
        appendRow(sb, INVENTORY_HEADER);
        for (InventoryRow r : rows) {
            appendRow(sb, java.util.Arrays.asList(r.sku(), r.warehouse(), String.valueOf(r.onHand()), String.valueOf(r.available())));
        }
        return sb.toString();
    }

    public static List<InventoryRow> parseInventory(String content) {
        List<InventoryRow> out = new ArrayList<>();
        for (List<String> r : body(content, INVENTORY_HEADER)) {
            out.add(new InventoryRow(r.get(0), r.get(1), Integer.parseInt(r.get(2)), Integer.parseInt(r.get(3))));
        }
        return out;
    }

    private static List<List<String>> body(String content, List<String> header) {
        List<List<String>> rows = Csv.parse(content);
        if (rows.isEmpty() || !rows.get(0).equals(header)) throw new DsfxException("expected header row " + header);
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).size() != header.size()) throw new DsfxException("row " + (i + 1) + ": expected " + header.size() + " fields");
        }
        return rows.subList(1, rows.size());
    }

    private static int positive(String s, String what) {
        try {
            int n = Integer.parseInt(s.trim());
            if (n > 0) return n;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DsfxException(what + " must be a positive integer, got \"" + s + "\"");
    }

    private static void appendRow(StringBuilder sb, List<String> fields) {
        sb.append(Csv.row(fields)).append("\r\n");
    }
}
