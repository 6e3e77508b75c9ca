package dev.junction.sandbox.bench.jmh;

import dev.junction.api.mapping.MappingContext;
import dev.junction.api.mapping.MappingTables;
import dev.junction.api.model.Order;
import dev.junction.plugin.bigcommerce.mapping.OrderMapper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The hot pure code of the store-orders path, per order: decoding the stored payload (the engine does
 * {@code new JsonObject(record.payload())} for every attempt) and the BigCommerce order mapper (v2 order with
 * products, addresses and coupons embedded → canonical Order). Input: 40 orders the BigCommerce simulator's
 * generator made with the bench mix (1-8 lines, coupons, manual discounts, foreign currencies), captured
 * from its REST API into {@code bc-orders.json}; each invocation maps the next one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OrderMapperBench {
    private JsonObject[] orders;
    private String[] payloads;
    private int next;
    private final OrderMapper mapper = new OrderMapper();
    private final MappingContext context = new MappingContext() {
        @Override
        public MappingTables tables() {
            return null;
        }

        @Override
        public JsonObject options() {
            return new JsonObject();
        }
    };

    @Setup
    public void load() throws IOException {
        try (InputStream in = OrderMapperBench.class.getResourceAsStream("/bc-orders.json")) {
            JsonArray all = new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            orders = new JsonObject[all.size()];
            payloads = new String[all.size()];
            for (int i = 0; i < all.size(); i++) {
                orders[i] = all.getJsonObject(i);
                payloads[i] = orders[i].encode();
            }
        }
    }

    @Benchmark
    public Order mapOrder() {
        JsonObject o = orders[next];
        next = (next + 1) % orders.length;
        return mapper.map(o, context);
    }

    @Benchmark
    public Order decodeAndMap() {
        String p = payloads[next];
        next = (next + 1) % payloads.length;
        return mapper.map(new JsonObject(p), context);
    }

    @Benchmark
    public JsonObject decodePayload() {
        String p = payloads[next];
        next = (next + 1) % payloads.length;
        return new JsonObject(p);
    }
}
