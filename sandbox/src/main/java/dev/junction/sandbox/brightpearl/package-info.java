/**
 * Brightpearl simulator (contract: {@code shared/api/brightpearl.md}).
 *
 * <p>API: {@code /public-api/{account}/{order,warehouse,product,contact,integration}-service/...}, the multi-message
 * {@code POST /public-api/{account}/multi-message} (2-10 writes for one request of budget, see {@code
 * MultiMessage}), staff login
 * {@code POST /{account}/authorise}, OAuth {@code GET /oauth/authorize/{account}} (auto-approves with a 302) and
 * {@code POST /token/{account}}.
 *
 * <p>Control ({@code /_sandbox/}, plain JSON, one object or an array): {@code POST products|contacts|warehouses|
 * shipping-methods|order-statuses|orders}; {@code GET products|contacts|postal-addresses|orders|orders/{id}|
 * goods-out-notes|stock-corrections|webhooks|webhook-deliveries|stats|options}; {@code PUT options}
 * ({@code requestsPerMinute, throttleWindowMs, forcedThrottlePeriodMs, autoGoodsOutNotes, staffTokenIdleMs, accessTokenLifetimeMs, productWarehouses});
 * {@code PUT orders/{id}/rows/{rowId}} ({@code {"warehouseId":3}}); {@code POST tokens/expire}, {@code POST
 * stats/reset}; shared {@code PUT faults}, {@code POST reset}.
 */
package dev.junction.sandbox.brightpearl;
