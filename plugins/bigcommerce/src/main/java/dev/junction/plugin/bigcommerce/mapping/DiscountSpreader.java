package dev.junction.plugin.bigcommerce.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits an amount across lines in proportion to their weights (their value) with largest-remainder
 * rounding, so the parts are whole units of {@code scale} decimals and always sum to the amount exactly:
 * no cent is lost or invented, whatever the number of lines.
 */
public final class DiscountSpreader {

    private DiscountSpreader() {
    }

    /**
     * @param amount  what to split; its own decimals are kept if finer than {@code scale}
     * @param weights one non-negative weight per line; lines with weight 0 get nothing unless all are 0,
     *                in which case the amount is split evenly
     * @param scale   decimals of each part (2 for cents)
     */
    public static List<BigDecimal> spread(BigDecimal amount, List<BigDecimal> weights, int scale) {
        int n = weights.size();
        List<BigDecimal> parts = new ArrayList<>(n);
        if (n == 0) {
            return parts;
        }
        int s = Math.max(scale, Math.max(0, amount.stripTrailingZeros().scale()));
        if (amount.signum() == 0) {
            for (int i = 0; i < n; i++) {
                parts.add(BigDecimal.ZERO.setScale(s));
            }
            return parts;
        }
        BigInteger units = amount.abs().movePointRight(s).toBigIntegerExact();
        List<BigDecimal> w = new ArrayList<>(n);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal weight : weights) {
            BigDecimal v = weight == null || weight.signum() < 0 ? BigDecimal.ZERO : weight;
            w.add(v);
            sum = sum.add(v);
        }
        if (sum.signum() == 0) {
            w.replaceAll(x -> BigDecimal.ONE);
            sum = BigDecimal.valueOf(n);
        }
        BigInteger[] floor = new BigInteger[n];
        BigDecimal[] fraction = new BigDecimal[n];
        BigInteger allocated = BigInteger.ZERO;
        BigDecimal unitsDec = new BigDecimal(units);
        for (int i = 0; i < n; i++) {
            BigDecimal exact = unitsDec.multiply(w.get(i));
            BigDecimal[] qr = exact.divideAndRemainder(sum);
            floor[i] = qr[0].toBigInteger();
            fraction[i] = qr[1];
            allocated = allocated.add(floor[i]);
        }
        int leftover = units.subtract(allocated).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        // Largest remainder first; on a tie, the heavier line, then the earlier one, so results are stable.
        order.sort(Comparator.<Integer, BigDecimal>comparing(i -> fraction[i]).reversed()
                .thenComparing(Comparator.<Integer, BigDecimal>comparing(w::get).reversed())
                .thenComparing(i -> i));
        for (int k = 0; k < leftover; k++) {
            int i = order.get(k % n);
            floor[i] = floor[i].add(BigInteger.ONE);
        }
        for (int i = 0; i < n; i++) {
            BigDecimal part = new BigDecimal(floor[i], s);
            parts.add(amount.signum() < 0 ? part.negate() : part);
        }
        return parts;
    }
}
