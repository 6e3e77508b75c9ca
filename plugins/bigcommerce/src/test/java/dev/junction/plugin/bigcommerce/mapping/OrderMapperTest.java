package dev.junction.plugin.bigcommerce.mapping;

import dev.junction.api.error.PermanentException;
import dev.junction.api.model.LineOption;
import dev.junction.api.model.LineType;
import dev.junction.api.model.Money;
import dev.junction.api.model.Order;
import dev.junction.api.model.OrderLine;
import dev.junction.plugin.bigcommerce.testing.TestMapping;
import dev.junction.plugin.bigcommerce.testing.TestOrders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderMapperTest {

    private final OrderMapper mapper = new OrderMapper();

    @Test
    void plainOrderKeepsPricesTaxPartiesAndNotes() {
        Order order = map(TestOrders.basic());

        assertThat(order.sourceId()).isEqualTo("218");
        assertThat(order.reference()).isEqualTo("218");
        assertThat(order.placedAt()).isEqualTo(Instant.parse("2019-03-05T21:40:11Z"));
        assertThat(order.status()).isEqualTo("Awaiting Fulfillment");
        assertThat(order.currency()).isEqualTo("USD");
        assertThat(order.exchangeRate()).isEqualByComparingTo("1");
        assertThat(order.shippingMethod()).isEqualTo("UPS Ground");
        assertThat(order.customerMessage()).isEqualTo("Please leave at the back door");
        assertThat(order.staffNotes()).isEqualTo("VIP - pack carefully");
        assertThat(order.giftMessage()).isNull();

        OrderLine shirt = line(order, "101");
        assertThat(shirt.type()).isEqualTo(LineType.PRODUCT);
        assertThat(shirt.sku()).isEqualTo("TSHIRT-BLK-M");
        assertThat(shirt.name()).isEqualTo("Classic T-Shirt");
        assertThat(shirt.quantity()).isEqualByComparingTo("2");
        assertCents(shirt.net(), "40.00");
        assertCents(shirt.tax(), "3.30");
        assertCents(line(order, "102").net(), "15.00");
        assertCents(line(order, "102").tax(), "1.24");
        OrderLine shipping = line(order, "shipping");
        assertThat(shipping.type()).isEqualTo(LineType.SHIPPING);
        assertThat(shipping.name()).isEqualTo("Shipping: UPS Ground");
        assertCents(shipping.net(), "10.00");
        assertCents(shipping.tax(), "0.83");
        assertThat(order.lines()).extracting(OrderLine::type).doesNotContain(LineType.RECONCILIATION);
        assertSumsToTotal(order, "70.37");
    }

    @Test
    void productOptionsBecomeLineOptions() {
        Order order = map(TestOrders.basic());

        assertThat(line(order, "101").options()).containsExactly(new LineOption("Size", "M"), new LineOption("Colour", "Black"));
        assertThat(line(order, "102").options()).isEmpty();
    }

    @Test
    void customerIsTheDeliveryPartyWithTheBillingEmailByDefault() {
        Order order = map(TestOrders.basic());

        assertThat(order.billing().fullName()).isEqualTo("Jane Doe");
        assertThat(order.billing().company()).isEqualTo("Acme Inc");
        assertThat(order.billing().address().line1()).isEqualTo("555 East Street");
        assertThat(order.delivery().fullName()).isEqualTo("Trish Smith");
        assertThat(order.delivery().address().postalCode()).isEqualTo("75201");
        assertThat(order.delivery().address().countryIso2()).isEqualTo("US");
        assertThat(order.customer().fullName()).isEqualTo("Trish Smith");
        assertThat(order.customer().address().city()).isEqualTo("Dallas");
        assertThat(order.customer().email()).isEqualTo("janedoe@example.com");
    }

    @Test
    void primaryAddressCanBeSwitchedToBilling() {
        Order order = mapper.map(TestOrders.basic(), new TestMapping(new JsonObject().put("primaryAddress", "billing")));

        assertThat(order.customer().fullName()).isEqualTo("Jane Doe");
        assertThat(order.customer().address().line1()).isEqualTo("555 East Street");
        assertThat(order.delivery().fullName()).isEqualTo("Trish Smith");
    }

    @Test
    void orderDiscountIsSpreadAcrossProductsByValueNotShipping() {
        JsonObject o = TestOrders.basic().put("discount_amount", "7.0000").put("total_inc_tax", "63.3700");

        Order order = map(o);

        // 7.00 x 40/55 = 5.0909 -> 5.09 ; 7.00 x 15/55 = 1.9091 -> 1.91
        assertCents(line(order, "101").gross(), "38.21");
        assertCents(line(order, "101").net(), "34.91");
        assertCents(line(order, "101").tax(), "3.30");
        assertCents(line(order, "102").gross(), "14.33");
        assertCents(line(order, "102").net(), "13.09");
        assertCents(line(order, "shipping").gross(), "10.83");
        assertSumsToTotal(order, "63.37");
    }

    @Test
    void spreadUsesLargestRemainderSoTheCentsAddUp() {
        JsonObject o = TestOrders.basic();
        o.put("products", new JsonArray()
                .add(TestOrders.product(1, "A", "A", 1, "10.0000", "10.0000", "10.0000", "10.0000", "0.0000"))
                .add(TestOrders.product(2, "B", "B", 1, "10.0000", "10.0000", "10.0000", "10.0000", "0.0000"))
                .add(TestOrders.product(3, "C", "C", 1, "10.0000", "10.0000", "10.0000", "10.0000", "0.0000")));
        o.put("subtotal_ex_tax", "30.0000").put("subtotal_inc_tax", "30.0000")
                .put("shipping_cost_ex_tax", "0.0000").put("shipping_cost_inc_tax", "0.0000").put("shipping_cost_tax", "0.0000")
                .put("discount_amount", "1.0000").put("total_inc_tax", "29.0000");

        Order order = map(o);

        assertCents(line(order, "1").net(), "9.66");
        assertCents(line(order, "2").net(), "9.67");
        assertCents(line(order, "3").net(), "9.67");
        assertCents(line(order, "shipping").gross(), "0.00");
        assertSumsToTotal(order, "29.00");
    }

    @Test
    void appliedDiscountsArePreferredToSpreading() {
        JsonObject o = TestOrders.basic().put("discount_amount", "5.0000").put("total_inc_tax", "65.3700");
        products(o).getJsonObject(1).put("applied_discounts", new JsonArray().add(new JsonObject()
                .put("id", "7").put("amount", "5.0000").put("name", "Mug Monday").put("code", (Object) null).put("target", "product")));

        Order order = map(o);

        assertCents(line(order, "101").gross(), "43.30");
        assertCents(line(order, "102").gross(), "11.24");
        assertCents(line(order, "102").net(), "10.00");
        assertCents(line(order, "102").tax(), "1.24");
        assertSumsToTotal(order, "65.37");
    }

    @Test
    void couponIsAZeroLineWithItsCodeAndItsDiscountIsSpreadOverProducts() {
        // BigCommerce reports coupons in coupon_discount, apart from discount_amount.
        JsonObject o = TestOrders.basic().put("coupon_discount", "5.5000").put("total_inc_tax", "64.8700");
        o.put("coupons", new JsonArray().add(TestOrders.coupon(3, "SAVE10", 2, "5.50")));

        Order order = map(o);

        OrderLine coupon = order.lines().stream().filter(l -> l.type() == LineType.COUPON).findFirst().orElseThrow();
        assertThat(coupon.name()).contains("SAVE10");
        assertThat(coupon.gross().isZero()).isTrue();
        assertCents(line(order, "101").gross(), "39.30"); // 43.30 - 4.00
        assertCents(line(order, "102").gross(), "14.74"); // 16.24 - 1.50
        assertCents(line(order, "shipping").gross(), "10.83");
        assertSumsToTotal(order, "64.87");
    }

    @Test
    void couponAlreadyCountedInDiscountAmountIsNotTakenTwice() {
        JsonObject o = TestOrders.basic().put("discount_amount", "5.5000").put("coupon_discount", "5.5000")
                .put("total_inc_tax", "64.8700");
        o.put("coupons", new JsonArray().add(TestOrders.coupon(3, "SAVE10", 2, "5.50")));

        Order order = map(o);

        assertCents(line(order, "101").gross(), "39.30");
        assertCents(line(order, "102").gross(), "14.74");
        assertSumsToTotal(order, "64.87");
    }

    @Test
    void freeShippingCouponReducesOnlyTheShippingLine() {
        JsonObject o = TestOrders.basic().put("coupon_discount", "10.8300").put("total_inc_tax", "59.5400");
        o.put("coupons", new JsonArray().add(TestOrders.coupon(4, "FREESHIP", 4, "10.83")));

        Order order = map(o);

        assertCents(line(order, "shipping").net(), "0.00");
        assertCents(line(order, "shipping").tax(), "0.00");
        assertCents(line(order, "101").gross(), "43.30");
        assertCents(line(order, "102").gross(), "16.24");
        assertThat(order.lines()).filteredOn(l -> l.type() == LineType.COUPON).extracting(OrderLine::name)
                .singleElement().asString().contains("FREESHIP");
        assertSumsToTotal(order, "59.54");
    }

    @Test
    void partialShippingDiscountLowersShippingAndItsTax() {
        JsonObject o = TestOrders.basic().put("coupon_discount", "5.0000").put("total_inc_tax", "65.3700");
        o.put("coupons", new JsonArray().add(TestOrders.coupon(5, "SHIP5", 3, "5.00")));

        Order order = map(o);

        // 10.83 - 5.00 = 5.83 gross; tax 0.83 x 5.83 / 10.83 = 0.4468 -> 0.45
        assertCents(line(order, "shipping").gross(), "5.83");
        assertCents(line(order, "shipping").tax(), "0.45");
        assertCents(line(order, "shipping").net(), "5.38");
        assertCents(line(order, "101").gross(), "43.30");
        assertSumsToTotal(order, "65.37");
    }

    @Test
    void giftWrappingIsALineWithItsChargeAndTheMessageGoesToTheOrder() {
        JsonObject o = TestOrders.basic().put("wrapping_cost_ex_tax", "3.0000").put("wrapping_cost_inc_tax", "3.2500")
                .put("wrapping_cost_tax", "0.2500").put("total_inc_tax", "73.6200");
        products(o).getJsonObject(0).put("wrapping_name", "Christmas Paper").put("wrapping_message", "Happy birthday, Sam!")
                .put("wrapping_cost_ex_tax", "3.0000").put("wrapping_cost_inc_tax", "3.2500").put("wrapping_cost_tax", "0.2500");

        Order order = map(o);

        OrderLine wrap = order.lines().stream().filter(l -> l.type() == LineType.GIFT_WRAP).findFirst().orElseThrow();
        assertThat(wrap.name()).contains("Christmas Paper").contains("Classic T-Shirt");
        assertCents(wrap.net(), "3.00");
        assertCents(wrap.tax(), "0.25");
        assertThat(order.giftMessage()).isEqualTo("Happy birthday, Sam!");
        assertSumsToTotal(order, "73.62");
    }

    @Test
    void giftCertificateIsItsOwnLineTypeAndTakesNoShareOfDiscounts() {
        JsonObject o = TestOrders.basic().put("subtotal_inc_tax", "84.5400").put("discount_amount", "7.0000")
                .put("total_inc_tax", "88.3700");
        products(o).add(TestOrders.product(103, "", "$25 Gift Certificate", 1, "25.0000", "25.0000", "25.0000", "25.0000", "0.0000")
                .put("type", "giftcertificate").put("order_address_id", 0));

        Order order = map(o);

        OrderLine certificate = line(order, "103");
        assertThat(certificate.type()).isEqualTo(LineType.GIFT_CERTIFICATE);
        assertThat(certificate.sku()).isNull();
        assertCents(certificate.net(), "25.00");
        assertCents(line(order, "101").gross(), "38.21");
        assertCents(line(order, "102").gross(), "14.33");
        assertSumsToTotal(order, "88.37");
    }

    @Test
    void foreignCurrencyOrderKeepsItsCurrencyAndBigCommercesRate() {
        JsonObject o = TestOrders.basic().put("currency_code", "EUR").put("currency_exchange_rate", "0.9200000000");

        Order order = map(o);

        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.exchangeRate()).isEqualByComparingTo("0.92");
        assertThat(order.lines()).allSatisfy(l -> assertThat(l.net().currency()).isEqualTo("EUR"));
        assertThat(order.total()).isEqualTo(Money.of("70.37", "EUR"));
        assertSumsToTotal(order, "70.37");
    }

    @Test
    void taxInclusiveStoreKeepsTheChargedGrossAndVat() {
        JsonObject o = TestOrders.basic().put("is_tax_inclusive_pricing", true).put("currency_code", "GBP")
                .put("products", new JsonArray().add(TestOrders.product(7, "TEA-TIN", "Tea Tin", 2, "10.0000", "12.0000",
                        "20.0000", "24.0000", "4.0000")))
                .put("subtotal_ex_tax", "20.0000").put("subtotal_inc_tax", "24.0000")
                .put("shipping_cost_ex_tax", "4.1600").put("shipping_cost_inc_tax", "4.9900").put("shipping_cost_tax", "0.8300")
                .put("discount_amount", "2.4000").put("total_inc_tax", "26.5900");

        Order order = map(o);

        assertCents(line(order, "7").gross(), "21.60");
        assertCents(line(order, "7").tax(), "4.00");
        assertCents(line(order, "shipping").gross(), "4.99");
        assertSumsToTotal(order, "26.59");
    }

    @Test
    void handlingIsChargedAsAShippingLine() {
        JsonObject o = TestOrders.basic().put("handling_cost_ex_tax", "2.0000").put("handling_cost_inc_tax", "2.1700")
                .put("handling_cost_tax", "0.1700").put("total_inc_tax", "72.5400");

        Order order = map(o);

        assertThat(line(order, "handling").type()).isEqualTo(LineType.SHIPPING);
        assertCents(line(order, "handling").gross(), "2.17");
        assertSumsToTotal(order, "72.54");
    }

    @Test
    void figuresThatDoNotAddUpGetAReconciliationLineSoTheTotalStillMatches() {
        JsonObject o = TestOrders.basic().put("total_inc_tax", "72.3700"); // e.g. an order fee we do not itemise

        Order order = map(o);

        OrderLine rec = line(order, "reconciliation");
        assertThat(rec.type()).isEqualTo(LineType.RECONCILIATION);
        assertCents(rec.gross(), "2.00");
        assertSumsToTotal(order, "72.37");
    }

    @Test
    void orderWithoutBillingEmailIsRefusedWithAReason() {
        JsonObject o = TestOrders.basic();
        o.getJsonObject("billing_address").put("email", "");
        o.getJsonArray("shipping_addresses").getJsonObject(0).put("email", "");

        assertThatThrownBy(() -> map(o)).isInstanceOf(PermanentException.class).hasMessageContaining("billing email");
    }

    @Test
    void unknownPrimaryAddressOptionIsRefused() {
        assertThatThrownBy(() -> mapper.map(TestOrders.basic(), new TestMapping(new JsonObject().put("primaryAddress", "invoice"))))
                .isInstanceOf(PermanentException.class).hasMessageContaining("primaryAddress");
    }

    private Order map(JsonObject o) {
        return mapper.map(o, TestMapping.none());
    }

    private static JsonArray products(JsonObject o) {
        return o.getJsonArray("products");
    }

    private static OrderLine line(Order order, String lineId) {
        return order.lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + lineId + " in " + order.lines()));
    }

    static void assertCents(Money money, String expected) {
        assertThat(money.amount()).as(money.toString()).isEqualByComparingTo(new BigDecimal(expected));
    }

    static void assertSumsToTotal(Order order, String total) {
        assertThat(order.total().amount()).isEqualByComparingTo(total);
        assertThat(order.linesTotal().amount()).as("lines sum").isEqualByComparingTo(total);
    }
}
