package dev.junction.plugin.bigcommerce.mapping;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiscountSpreaderTest {

    @Test
    void partsAreProportionalAndSumExactly() {
        List<BigDecimal> parts = DiscountSpreader.spread(new BigDecimal("7.00"), dec("40.00", "15.00"), 2);
        assertThat(parts).containsExactly(new BigDecimal("5.09"), new BigDecimal("1.91"));
    }

    @Test
    void leftoverCentsGoToTheLargestRemainders() {
        assertThat(DiscountSpreader.spread(new BigDecimal("0.05"), dec("1", "1", "1"), 2))
                .containsExactly(new BigDecimal("0.02"), new BigDecimal("0.02"), new BigDecimal("0.01"));
        // 10.00 over 3.33 / 3.33 / 3.34: exact shares 3.3300, 3.3300, 3.3400
        assertThat(DiscountSpreader.spread(new BigDecimal("10.00"), dec("3.33", "3.33", "3.34"), 2))
                .containsExactly(new BigDecimal("3.33"), new BigDecimal("3.33"), new BigDecimal("3.34"));
    }

    @Test
    void manyLinesNeverLoseACent() {
        List<BigDecimal> weights = dec("19.99", "4.49", "0.99", "120.00", "7.77", "33.33", "0.01");
        for (String amount : List.of("0.01", "1.00", "9.99", "13.37", "100.00")) {
            BigDecimal sum = DiscountSpreader.spread(new BigDecimal(amount), weights, 2).stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).isEqualByComparingTo(amount);
        }
    }

    @Test
    void zeroWeightLinesGetNothingUnlessAllAreZero() {
        assertThat(DiscountSpreader.spread(new BigDecimal("3.00"), dec("0", "10"), 2))
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("3.00"));
        assertThat(DiscountSpreader.spread(new BigDecimal("3.00"), dec("0", "0"), 2))
                .containsExactly(new BigDecimal("1.50"), new BigDecimal("1.50"));
    }

    @Test
    void amountsFinerThanCentsKeepTheirPrecision() {
        List<BigDecimal> parts = DiscountSpreader.spread(new BigDecimal("1.0001"), dec("1", "1"), 2);
        assertThat(parts.get(0).add(parts.get(1))).isEqualByComparingTo("1.0001");
    }

    private static List<BigDecimal> dec(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
