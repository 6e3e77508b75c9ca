package dev.junction.sandbox.brightpearl;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A sales order as the simulator keeps it; rendered in the classic and the flat shape by {@link OrderJson}. */
final class Order {
    /** One order row. {@code warehouseId} is the simulator's per-row routing used by automation. */
    static final class Row {
        final long id;
        final int sequence;
        Long productId;
        String sku;
        String name;
        BigDecimal quantity;
        String taxCode;
        BigDecimal net;
        BigDecimal tax;
        String nominalCode;
        String externalRef;
        Long warehouseId;

        Row(long id, int sequence) {
            this.id = id;
            this.sequence = sequence;
        }
    }

    final long id;
    final String orderTypeCode = "SO";
    String reference;
    String externalRef;
    Long installedIntegrationInstanceId;
    long customerId;
    long billingContactId;
    long statusId;
    long warehouseId;
    long channelId;
    long leadSourceId;
    long staffOwnerId;
    long teamId;
    long projectId;
    long priceListId;
    String priceModeCode;
    String currency;
    BigDecimal exchangeRate = BigDecimal.ONE;
    Instant placedOn;
    Instant taxDate;
    Instant deliveryDate;
    long shippingMethodId;
    final Instant createdOn;
    Instant updatedOn;
    JsonObject customerAddress = new JsonObject();
    JsonObject billingAddress = new JsonObject();
    JsonObject deliveryAddress = new JsonObject();
    final Map<Long, Row> rows = new LinkedHashMap<>();
    final JsonArray notes = new JsonArray();
    final JsonObject customFields = new JsonObject();
    int version = 1;
    /** {@code NST, SNS, SPS, ASS}. */
    String shippingStatusCode = "NST";
    String stockStatusCode = "SON";
    String allocationStatusCode = "ANR";

    Order(long id, Instant createdOn) {
        this.id = id;
        this.createdOn = createdOn;
        this.updatedOn = createdOn;
    }

    synchronized BigDecimal totalNet() {
        return rows.values().stream().map(r -> r.net == null ? BigDecimal.ZERO : r.net)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    synchronized BigDecimal totalTax() {
        return rows.values().stream().map(r -> r.tax == null ? BigDecimal.ZERO : r.tax)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    synchronized void touch(Instant now) {
        updatedOn = now;
        version++;
    }
}
