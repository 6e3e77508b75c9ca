/**
 * BigCommerce simulator (contracts: {@code shared/api/bigcommerce-shiphero-starshipit-dropstream.md} and the
 * official OpenAPI files in {@code shared/contracts/bigcommerce/}, which the tests validate its answers
 * against).
 *
 * <p>API under {@code /stores/{store_hash}} ({@code X-Auth-Token}; the store-wide {@code X-Rate-Limit-*}
 * headers and 429): v2 {@code GET /orders} (filters, {@code sort}, {@code page}, {@code limit} up to 250),
 * {@code GET /orders/count}, {@code POST /orders}, {@code GET|PUT /orders/{id}}, {@code GET /orders/{id}/products}
 * (and {@code /products/{line_id}}), {@code /shipping_addresses}, {@code /coupons},
 * {@code GET|POST /orders/{id}/shipments}, {@code GET|PUT|DELETE .../shipments/{id}}, {@code .../shipments/count},
 * {@code GET /order_statuses}; v3 {@code /catalog/products}, {@code /catalog/variants}, {@code /customers},
 * {@code /inventory/adjustments/absolute|relative}, {@code /inventory/items}, {@code /hooks}.
 * {@code GET /orders} and {@code GET /orders/{id}} take {@code include=consignments} or
 * {@code include=consignments.line_items} with {@code consignment_structure=object} and then embed
 * {@code consignments} ({@code orderConsignment_Get}): line items as links, or as the very objects
 * {@code /products} returns.
 *
 * <p>Control ({@code /_sandbox/}, no auth, plain JSON, one object or an array where it creates):
 * {@code POST products|customers|orders|locations}; {@code GET products|customers|orders|orders/{id}|shipments|
 * inventory|hooks|webhooks/events|webhooks/deliveries|stats}; {@code PUT orders/{id}/status}
 * ({@code {"status_id":2}}); {@code POST webhooks/redeliver} ({@code {"event_id":N}});
 * {@code POST generate-orders} ({@code {"count":N,"seed":S,"repeatRate":0.6,"addressChangeRate":0.15}}, see
 * {@link dev.junction.sandbox.bigcommerce.OrderGenerator}; {@code "pool":"name"} draws returning customers only
 * from that pool's own, see {@link dev.junction.sandbox.bigcommerce.CustomerPools}; with {@code "hold":true} the
 * orders are drawn but held back, invisible and unannounced, until {@code POST release-orders}
 * ({@code {"count":N}}) places the oldest N, dated then, with their {@code store/order/created} events); shared
 * {@code PUT faults}, {@code POST reset}.
 * {@code GET stats} counts requests per route template ({@code "GET /v2/orders/{id}"}), whatever the query.
 *
 * <p>Gaps and modelling assumptions (what the contracts leave open, decided here):
 * <ul>
 * <li>Consignments are derived from the stored order, not stored: one shipping consignment per shipping
 * address that has items, <b>its id being the shipping address id</b> (the spec says only "ID of the shipping
 * consignment"; the sandbox ties the two, as one address is one consignment in a v2 order), its line items the
 * products whose {@code order_address_id} is that address. An address without items (only seeding can make
 * one) is not a consignment: the spec cannot express an empty {@code line_items} (it matches both branches of
 * its {@code oneOf}).</li>
 * <li>No pickup consignments (no pickup orders are modelled); lines without a shipping address other than gift
 * certificates (digital goods) form one download consignment and gift certificates one email consignment,
 * both to the billing email (recipients are not modelled).</li>
 * <li>Only the object consignment structure: {@code include=consignments} without
 * {@code consignment_structure=object}, and {@code include=fees} (fees are not modelled), answer 400 rather
 * than a made-up shape.</li>
 * <li>{@code coupon_discount} is the sum of the coupons' {@code discount}, free-shipping coupons included,
 * unless the seeding body states it ({@link dev.junction.sandbox.bigcommerce.OrderFactory}); BigCommerce does
 * not document how it is made up.</li>
 * </ul>
 */
package dev.junction.sandbox.bigcommerce;
