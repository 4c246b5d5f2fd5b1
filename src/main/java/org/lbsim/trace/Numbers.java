package org.lbsim.trace;

/**
 * Decimal number text to numbers without allocating. Doubles are correctly rounded: the common
 * case (at most 15 significant digits, a power of ten up to 22) is one exact multiplication or
 * division, which IEEE 754 rounds correctly; longer numbers fall back to
 * {@link Double#parseDouble}, which allocates but is rare in traces.
 */
final class Numbers {

    /** Powers of ten that a double holds exactly. */
    private static final double[] POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Mantissas below 2^53 convert to double exactly. */
    private static final long EXACT_MANTISSA = 1L << 53;
    private static final int MAX_LONG_DIGITS = 18;

    private Numbers() {
    }

    /**
     * The decimal number in {@code text[from, to)} — optional sign, digits with an optional
     * fraction, optional exponent ({@code 1.5e-3}) — or NaN if it is not one or is not finite.
     */
    static double decimal(char[] text, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        int digits = 0;
        for (; i < to && isDigit(text[i]); i++, digits++) {
            if (significant < MAX_LONG_DIGITS) {
                mantissa = mantissa * 10 + (text[i] - '0');
                if (mantissa != 0) significant++;
            } else {
                scale++;
                significant++;
            }
        }
        if (i < to && text[i] == '.') {
            for (i++; i < to && isDigit(text[i]); i++, digits++) {
                if (significant < MAX_LONG_DIGITS) {
                    mantissa = mantissa * 10 + (text[i] - '0');
                    if (mantissa != 0) significant++;
                    scale--;
                } else {
                    significant++;
                }
            }
        }
        if (digits == 0) return Double.NaN;
        if (i < to && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (text[i] == '-' || text[i] == '+')) negativeExponent = text[i++] == '-';
            int start = i;
            int exponent = 0;
            for (; i < to && isDigit(text[i]); i++) {
                if (exponent < 100_000) exponent = exponent * 10 + (text[i] - '0');
            }
            if (i == start) return Double.NaN;
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != to) return Double.NaN;
        if (significant <= MAX_LONG_DIGITS && mantissa < EXACT_MANTISSA && Math.abs(scale) < POWERS.length) {
            double value = scale >= 0 ? mantissa * POWERS[scale] : mantissa / POWERS[-scale];
            return negative ? -value : value;
        }
        // The text is a plain decimal (checked above), which parseDouble reads the same way.
        double value = Double.parseDouble(new String(text, from, to - from));
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** The unsigned decimal integer of at most 18 digits in {@code text[from, to)}, or -1. */
    static long natural(char[] text, int from, int to) {
        if (from >= to || to - from > MAX_LONG_DIGITS) return -1;
        long value = 0;
        for (int i = from; i < to; i++) {
            if (!isDigit(text[i])) return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
