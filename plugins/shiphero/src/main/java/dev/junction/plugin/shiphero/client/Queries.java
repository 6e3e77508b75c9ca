package dev.junction.plugin.shiphero.client;

/**
 * The GraphQL documents the connector sends, one root field each (so one throttled field never hides
 * another's answer). Field names follow ShipHero's public schema.
 */
public final class Queries {
    private Queries() {
    }

    public static final String ACCOUNT = """
            query { account { request_id complexity data { id legacy_id email username
              warehouses { id legacy_id identifier company_name } } } }""";

    public static final String ORDER_BY_PARTNER_ID = """
            query($partner: String) { orders(partner_order_id: $partner) { request_id complexity
              data(first: 2) { edges { node { id legacy_id order_number partner_order_id } } } } }""";

    public static final String ORDER_CREATE = """
            mutation($data: CreateOrderInput!) { order_create(data: $data) { request_id complexity
              order { id legacy_id order_number partner_order_id fulfillment_status } } }""";

    public static final String ORDER = """
            query($id: String!) { order(id: $id) { request_id complexity data { id legacy_id order_number
              partner_order_id fulfillment_status tags
              line_items(first: 200) { edges { node { id legacy_id sku partner_line_item_id quantity } } } } } }""";

    private static final String SHIPMENT_FIELDS = """
            id legacy_id order_id warehouse_id created_date total_packages
            shipping_labels { id legacy_id tracking_number tracking_url carrier shipping_name shipping_method warehouse warehouse_id }
            line_items(first: 200) { edges { node { id line_item_id shipping_label_id quantity
              line_item { id sku partner_line_item_id } } } }""";

    public static final String SHIPMENTS_IN_WINDOW = """
            query($from: ISODateTime, $to: ISODateTime, $first: Int, $after: String) {
              shipments(date_from: $from, date_to: $to) { request_id complexity
                data(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { %s } } } } }"""
            .formatted(SHIPMENT_FIELDS);

    public static final String SHIPMENTS_OF_ORDER = """
            query($order: String, $after: String) { shipments(order_id: $order) { request_id complexity
                data(first: 10, after: $after) { pageInfo { hasNextPage endCursor } edges { node { %s } } } } }"""
            .formatted(SHIPMENT_FIELDS);

    public static final String WAREHOUSE_PRODUCTS = """
            query($sku: String, $warehouse: String, $first: Int, $after: String) {
              warehouse_products(sku: $sku, warehouse_id: $warehouse) { request_id complexity
                data(first: $first, after: $after) { pageInfo { hasNextPage endCursor }
                  edges { node { id sku warehouse_id warehouse_identifier on_hand available allocated backorder updated_at } } } } }""";

    public static final String WEBHOOKS = """
            query { webhooks { request_id complexity data(first: 50) { edges { node { id legacy_id name url shop_name } } } } }""";

    public static final String WEBHOOK_CREATE = """
            mutation($data: CreateWebhookInput!) { webhook_create(data: $data) { request_id complexity
              webhook { id legacy_id name url shop_name shared_signature_secret } } }""";

    public static final String WEBHOOK_DELETE = """
            mutation($data: DeleteWebhookInput!) { webhook_delete(data: $data) { request_id complexity } }""";
}
