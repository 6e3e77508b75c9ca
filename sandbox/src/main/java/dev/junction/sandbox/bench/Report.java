package dev.junction.sandbox.bench;

import io.vertx.core.json.JsonObject;

/** The human-readable lines of each scenario's figures (the JSON line after them has everything). */
final class Report {
    private Report() {
    }

    /** e.g. "median p99 41 ms over 40 s; worst: s12 p99 380 max 410, s31 p99 210 max 260, ...". */
    static String bySecondText(JsonObject bySecond) {
        if (bySecond == null || !bySecond.containsKey("medianP99")) {
            return "none";
        }
        StringBuilder out = new StringBuilder("median p99 " + bySecond.getLong("medianP99") + " ms over "
                + bySecond.getInteger("seconds") + " s; worst:");
        for (Object o : bySecond.getJsonArray("worst")) {
            JsonObject w = (JsonObject) o;
            out.append(" s").append(w.getLong("second")).append(" p99 ").append(w.getLong("p99"))
                    .append(" max ").append(w.getLong("max")).append(',');
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    static void print(JsonObject r) {
        String s = r.getString("scenario");
        switch (s) {
            case "throughput", "latency", "economy" -> {
                JsonObject bp = r.getJsonObject("brightpearl");
                JsonObject lat = bp.getJsonObject("latencyMs");
                System.out.printf("%s: %d orders (after %d warm-up) offered at %s/s, concurrency %d; completed=%s in %.1f s%n", s,
                        r.getInteger("orders"), r.getInteger("warmupOrders"), r.getValue("offeredRatePerSecond"),
                        r.getInteger("concurrency"), r.getBoolean("completed"), r.getDouble("elapsedSeconds"));
                System.out.printf("  sales orders created %d (duplicates %d); rate overall %s/s, steady (10%%-90%%) %s/s%n",
                        bp.getLong("salesOrders"), bp.getLong("duplicates"), bp.getValue("overallPerSecond"), bp.getValue("steadyPerSecond"));
                System.out.printf("  latency store order placed → Brightpearl createdOn (ms): p50 %s, p90 %s, p99 %s, max %s%n",
                        lat.getValue("p50"), lat.getValue("p90"), lat.getValue("p99"), lat.getValue("max"));
                System.out.printf("  latency by second placed: %s%n", bySecondText(bp.getJsonObject("latencyBySecond")));
                System.out.printf("  calls per order: Brightpearl %s, BigCommerce %s; throttled %s; records %s%n",
                        r.getJsonObject("callsPerOrder").getValue("brightpearl"), r.getJsonObject("callsPerOrder").getValue("bigcommerce"),
                        r.getJsonObject("throttled").encode(), r.getJsonObject("records").encode());
                System.out.printf("  Brightpearl calls per order by route: %s%n", r.getJsonObject("brightpearlCallsPerOrderByRoute").encode());
                System.out.printf("  Brightpearl writes per order carried inside multi-messages: %s%n",
                        r.getJsonObject("brightpearlWritesInMultiMessagesPerOrder", new JsonObject()).encode());
                System.out.printf("  BigCommerce calls: %s; webhooks %s%n", r.getJsonObject("bigcommerceCalls").encode(),
                        r.getJsonObject("storeWebhooks").encode());
                System.out.printf("  load average before %s, after %s%n", r.getString("loadBefore"), r.getString("loadAfter"));
            }
            case "limits" -> System.out.printf("limits: budget %d/min, %d orders waiting; %.1f min: %d synced = %.1f/min; "
                            + "%.3f Brightpearl calls/order → ceiling %.1f/min; achieved %.1f%% of ceiling (one request per order "
                            + "would allow %d/min); throttled responses %d, failed records %d%n",
                    r.getInteger("budgetPerMinute"), r.getInteger("ordersPlaced"), r.getDouble("minutes"), r.getLong("synced"),
                    r.getDouble("syncedPerMinute"), r.getDouble("brightpearlCallsPerOrder"), r.getDouble("ceilingPerMinute"),
                    r.getDouble("ofCeiling"), r.getInteger("ceilingAtFloorPerMinute"), r.getLong("throttledResponses"),
                    r.getLong("failedRecords"));
            case "backlog" -> System.out.printf("backlog: %d orders while Brightpearl was down (ingested in %.1f s); drained in %.1f s "
                            + "= %.1f orders/s after it came back; completed=%s, duplicates %d, records %s; hub -Xmx%s: peak heap %d MB "
                            + "(jstat, 1 s samples), peak RSS %d MB%n",
                    r.getInteger("orders"), r.getDouble("ingestedWhileDownSeconds"), r.getDouble("drainSeconds"),
                    r.getDouble("drainPerSecond"), r.getBoolean("completed"), r.getLong("duplicates"), r.getJsonObject("records").encode(),
                    r.getString("xmx"), r.getLong("peakHeapMb"), r.getLong("peakRssMb"));
            case "footprint" -> System.out.printf("footprint: %d connections, %d flows; cold start to /ready %s ms (median %d); "
                            + "idle RSS after %d s: %d MB (heap used %d MB)%n", r.getInteger("connections"), r.getInteger("flows"),
                    r.getJsonArray("coldStartsMs").encode(), r.getLong("medianColdStartMs"), r.getLong("idleSeconds"),
                    r.getLong("idleRssMb"), r.getLong("idleHeapUsedMb"));
            case "chain" -> System.out.printf("chain: %d orders at %s/s, warehouses ship after %s: Shipped %d, Partially Shipped %d "
                            + "in %.1f s = %.1f orders/s end to end%n", r.getInteger("orders"), r.getValue("offeredRatePerSecond"),
                    r.getString("warehouseShipAfter"), r.getLong("shipped"), r.getLong("partiallyShipped"),
                    r.getDouble("secondsToLastShipment"), r.getDouble("shippedOrPartialPerSecond"));
            default -> System.out.println(r.encodePrettily());
        }
    }
}
