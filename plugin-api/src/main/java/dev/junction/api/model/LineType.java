package dev.junction.api.model;

/** What an order line is. Each maps to a differently-treated row in the back office. */
public enum LineType {
    /** A catalogue product, matched by SKU where possible. */
    PRODUCT,
    /** A free-text, non-stock line (a product the back office does not know). */
    MISC,
    SHIPPING,
    DISCOUNT,
    /** A coupon marker: zero value, the code in its name (the discount itself is spread over products). */
    COUPON,
    GIFT_WRAP,
    GIFT_CERTIFICATE,
    /** Makes the back office's unit-price arithmetic reproduce the store's total to the cent. */
    RECONCILIATION
}
