package org.lbsim.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    private static double decimal(String text) {
        return Numbers.decimal(text.toCharArray(), 0, text.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+1", "0.123", "1431857103", "1431857103.123456", ".5", "5.", "1e3", "2.5E-3", "-7.25e+2",
        "0.1", "0.3", "123456789012345678901234567890", "1.7976931348623157e308", "4.9e-324", "1e-400",
        "3.141592653589793238462643383279", "0.000000000000000000000000001"})
    void decimal_isTheCorrectlyRoundedValue(String text) {
        assertThat(decimal(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "e5", "1e", "1e+", "1.2.3", "1,5", " 1", "1 ", "0x10", "NaN", "Infinity", "1e400", "1d"})
    void decimal_isNaNForWhatIsNotADecimal(String text) {
        assertThat(decimal(text)).isNaN();
    }

    /** Shortest texts of random doubles, and fixed-point texts with 1 to 9 decimals, read back exactly. */
    @Test
    void decimal_roundTripsRandomValues() {
        SplittableRandom random = new SplittableRandom(3);
        for (int n = 0; n < 20_000; n++) {
            double value = random.nextDouble() * Math.pow(10, random.nextInt(-5, 12));
            String shortest = Double.toString(value);
            assertThat(decimal(shortest)).as(shortest).isEqualTo(value);
            String fixed = String.format(java.util.Locale.ROOT, "%." + random.nextInt(1, 10) + "f", value);
            assertThat(decimal(fixed)).as(fixed).isEqualTo(Double.parseDouble(fixed));
        }
    }

    @Test
    void natural() {
        assertThat(Numbers.natural("0".toCharArray(), 0, 1)).isZero();
        assertThat(Numbers.natural("999999999999999999".toCharArray(), 0, 18)).isEqualTo(999_999_999_999_999_999L);
        assertThat(Numbers.natural("1000000000000000000".toCharArray(), 0, 19)).isEqualTo(-1);
        assertThat(Numbers.natural("-1".toCharArray(), 0, 2)).isEqualTo(-1);
        assertThat(Numbers.natural("".toCharArray(), 0, 0)).isEqualTo(-1);
        assertThat(Numbers.natural("12a".toCharArray(), 0, 3)).isEqualTo(-1);
    }
}
