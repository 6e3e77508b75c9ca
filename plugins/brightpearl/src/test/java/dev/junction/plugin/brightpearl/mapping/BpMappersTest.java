package dev.junction.plugin.brightpearl.mapping;

import dev.junction.api.model.Fulfilment;
import dev.junction.api.model.FulfilmentLine;
import dev.junction.api.model.InventoryLevel;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderStatusChange;
import dev.junction.api.model.Shipment;
import dev.junction.plugin.brightpearl.Tables;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Payloads shaped after the contract's recorded Brightpearl answers (money and quantities as strings). */
class BpMappersTest {
    static final JsonObject ORDER = new JsonObject("""
            {"id":988116,"orderTypeCode":"SO","reference":"#1001","version":7,
             "orderStatus":{"orderStatusId":3,"name":"Ready to ship"},
             "placedOn":"2026-07-01T10:39:46.000-06:00","createdOn":"2026-07-01T10:40:00.000-06:00",
             "updatedOn":"2026-07-01T11:00:00.000-06:00","warehouseId":2,
             "delivery":{"deliveryDate":"2026-07-03T00:00:00.000-06:00","shippingMethodId":2},
             "currency":{"accountingCurrencyCode":"USD","orderCurrencyCode":"EUR","exchangeRate":"0.920000","fixedExchangeRate":true},
             "totalValue":{"net":"29.09","taxAmount":"2.91","total":"32.00"},
             "parties":{"customer":{"contactId":200,"addressFullName":"Ada Lovelace","email":"ada@example.com","countryIsoCode":"GB"},
               "delivery":{"addressFullName":"Ada Lovelace","companyName":"Analytical Ltd","addressLine1":"1 Engine St",
                 "addressLine2":"","addressLine3":"London","addressLine4":"Greater London","postalCode":"N1 1AA",
                 "countryIsoCode":"GB","countryIsoCode3":"GBR","telephone":"+44 20 0000"}},
             "orderRows":{
               "2975386":{"orderRowSequence":"20","productId":0,"productName":"Shipping","productSku":"",
                 "quantity":{"magnitude":"1.0000"},"rowValue":{"taxCode":"-","rowNet":{"currencyCode":"EUR","value":"10.0000"},"rowTax":{"currencyCode":"EUR","value":"0.00"}},"nominalCode":"4040"},
               "2975385":{"orderRowSequence":"10","productId":489065,"productName":"Brass Gear","productSku":"GEAR-1",
                 "quantity":{"magnitude":"2.0000"},"rowValue":{"taxCode":"T","taxRate":"15.0000","rowNet":{"currencyCode":"EUR","value":"19.0909"},"rowTax":{"currencyCode":"EUR","value":"2.91"}},"nominalCode":"4000"}},
             "customFields":{"PCF_GIFTMSG":"Happy birthday","PCF_CHANNEL":{"id":4,"value":"Web"}}}""");

    static final JsonObject GON = new JsonObject("""
            {"orderId":988116,"warehouseId":3,"transfer":false,"priority":false,
             "status":{"printed":true,"picked":true,"packed":true,"shipped":true,"shippedOn":"2026-07-02T09:15:00.000-06:00","shippedById":4},
             "shipping":{"reference":"1Z999AA10123456784","shippingMethodId":2,"boxes":1},
             "createdOn":"2026-07-01T12:00:00.000-06:00","createdBy":203,
             "orderRows":{"2975385":[{"productId":489065,"quantity":1,"locationId":2}]},
             "events":[{"occured":"2026-07-01T12:00:00.000-06:00","eventOwnerId":203,"eventCode":"PLA"}],"lastEventVersion":3131069}""");

    static JsonObject gonPayload() {
        return new JsonObject().put("goodsOutNoteId", "12447605").put("goodsOutNote", GON).put("order", ORDER)
                .put("productCustomFields", new JsonObject().put("489065",
                        new JsonObject().put("PCF_HSCODE", "8483.40").put("PCF_COUNTRYO", "DEU").put("PCF_ORIGIN2", "CN")))
                .put("shippingMethodName", "Express Shipping");
    }

    @Test
    void orderMapsRowsInSequenceWithMoneyFromStrings() {
        Order o = new OrderMapper().map(new JsonObject().put("order", ORDER),
                Tables.context(new JsonObject().put("giftMessageField", "PCF_GIFTMSG").put("shippingNominalCode", "4040")));
        assertThat(o.sourceId()).isEqualTo("988116");
        assertThat(o.reference()).isEqualTo("#1001");
        assertThat(o.status()).isEqualTo("Ready to ship");
        assertThat(o.currency()).isEqualTo("EUR");
        assertThat(o.exchangeRate()).isEqualByComparingTo("0.92");
        assertThat(o.placedAt()).isEqualTo(Instant.parse("2026-07-01T16:39:46Z"));
        assertThat(o.lines()).extracting(l -> l.lineId()).containsExactly("2975385", "2975386");
        assertThat(o.lines().get(0).type()).isEqualTo(LineType.PRODUCT);
        assertThat(o.lines().get(0).sku()).isEqualTo("GEAR-1");
        assertThat(o.lines().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(o.lines().get(0).net().amount()).isEqualByComparingTo("19.0909");
        assertThat(o.lines().get(1).type()).isEqualTo(LineType.SHIPPING);
        assertThat(o.total().amount()).isEqualByComparingTo("32.00");
        assertThat(o.giftMessage()).isEqualTo("Happy birthday");
        assertThat(o.customFields()).containsEntry("PCF_CHANNEL", "Web");
        assertThat(o.delivery().firstName()).isEqualTo("Ada");
        assertThat(o.delivery().lastName()).isEqualTo("Lovelace");
        assertThat(o.delivery().address().city()).isEqualTo("London");
        assertThat(o.delivery().address().countryIso2()).isEqualTo("GB");
    }

    @Test
    void goodsOutNoteMapsToAFulfilmentWithCustomsFromProductCustomFields() {
        Fulfilment f = FulfilmentMapper.goodsOutNote().map(gonPayload(), Tables.context(new JsonObject()));
        assertThat(f.id()).isEqualTo("12447605");
        assertThat(f.orderId()).isEqualTo("988116");
        assertThat(f.orderReference()).isEqualTo("#1001");
        assertThat(f.warehouse()).isEqualTo("3");
        assertThat(f.shippingMethod()).isEqualTo("Express Shipping");
        assertThat(f.delivery().company()).isEqualTo("Analytical Ltd");
        assertThat(f.orderTotal().amount()).isEqualByComparingTo("32.00");
        assertThat(f.customerEmail()).isEqualTo("ada@example.com");
        assertThat(f.lines()).hasSize(1);
        FulfilmentLine l = f.lines().get(0);
        assertThat(l.orderLineId()).isEqualTo("2975385");
        assertThat(l.sku()).isEqualTo("GEAR-1");
        assertThat(l.quantity()).isEqualByComparingTo("1"); // the GON ships 1 of the order's 2
        assertThat(l.hsCode()).isEqualTo("8483.40");
        assertThat(l.countryOfOrigin()).isEqualTo("DE"); // alpha-3 in the custom field, alpha-2 canonical
        assertThat(l.unitValue().amount()).isEqualByComparingTo("9.5455");
    }

    @Test
    void customsFieldCodesAreConfigurable() {
        Fulfilment f = FulfilmentMapper.goodsOutNote().map(gonPayload(),
                Tables.context(new JsonObject().put("countryOfOriginField", "PCF_ORIGIN2")));
        assertThat(f.lines().get(0).countryOfOrigin()).isEqualTo("CN");
    }

    @Test
    void orderModeShipsOnlyProductRows() {
        Fulfilment f = FulfilmentMapper.orderMode().map(new JsonObject().put("order", ORDER)
                .put("productCustomFields", gonPayload().getJsonObject("productCustomFields")), Tables.context(new JsonObject()));
        assertThat(f.id()).isEqualTo("988116");
        assertThat(f.warehouse()).isEqualTo("2");
        assertThat(f.shippingMethod()).isEqualTo("2"); // no name in the payload: the id
        assertThat(f.lines()).singleElement().satisfies(l -> {
            assertThat(l.quantity()).isEqualByComparingTo("2");
            assertThat(l.hsCode()).isEqualTo("8483.40");
        });
    }

    @Test
    void shippedGoodsOutNoteMapsToAShipmentThatFindsItsWayHome() {
        Shipment s = new ShipmentMapper().map(gonPayload(), Tables.context(new JsonObject()));
        assertThat(s.fulfilmentId()).isEqualTo("12447605");
        assertThat(s.orderId()).isEqualTo("988116");
        assertThat(s.shippedAt()).isEqualTo(Instant.parse("2026-07-02T15:15:00Z"));
        assertThat(s.packages()).singleElement().satisfies(p -> {
            assertThat(p.trackingNumber()).isEqualTo("1Z999AA10123456784");
            assertThat(p.method()).isEqualTo("Express Shipping");
            assertThat(p.lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo("GEAR-1"));
        });
    }

    @Test
    void statusChangeAndAvailabilityMap() {
        OrderStatusChange c = new StatusChangeMapper().map(new JsonObject().put("orderId", 988116).put("reference", "#1001")
                .put("orderStatusId", 5).put("orderStatusName", "Completed").put("updatedOn", "2026-07-02T10:00:00.000+00:00"),
                Tables.context(new JsonObject()));
        assertThat(c).isEqualTo(new OrderStatusChange("988116", "#1001", "Completed", Instant.parse("2026-07-02T10:00:00Z")));

        InventoryLevel l = new InventoryMapper().map(new JsonObject().put("productId", 1007).put("sku", "TEST001")
                .put("warehouseId", "2").put("asOf", "2026-07-02T10:00:00Z")
                .put("availability", new JsonObject().put("inStock", 4).put("onHand", 6).put("allocated", 2)),
                Tables.context(new JsonObject()));
        assertThat(l.sku()).isEqualTo("TEST001");
        assertThat(l.onHand()).isEqualByComparingTo("6");
        assertThat(l.available()).isEqualByComparingTo("4");
        assertThat(l.warehouse()).isEqualTo("2");
    }
}
