package io.github.camelicloud.sync.metadata;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code str(float)}: the shortest decimal that reads back as the same double, in plain notation
 * for {@code 1e-4 <= |x| < 1e16} and in {@code 1.5e-05} style outside. icloudpd writes GPS values with it,
 * and Java 17's {@code Double.toString} differs (other exponent rule, not always shortest).
 */
final class PythonFloat {

    private static final int MAX_DIGITS = 17;

    private PythonFloat() {
    }

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> x 10^point
        int point = digits.length() - shortest.scale();
        String sign = value < 0 ? "-" : "";
        return sign + (point <= -4 || point > 16 ? scientific(digits, point - 1) : plain(digits, point));
    }

    /** The fewest significant digits that round-trip; on a tie in length, the one nearest the exact value. */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= MAX_DIGITS; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest;
            }
            // the interval that reads back as `value` is lopsided at powers of two: try the other neighbour
            RoundingMode other = nearest.compareTo(exact) > 0 ? RoundingMode.FLOOR : RoundingMode.CEILING;
            BigDecimal neighbour = exact.round(new MathContext(precision, other));
            if (neighbour.doubleValue() == value) {
                return neighbour;
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }

    private static String plain(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return digits + "0".repeat(point - digits.length()) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }

    private static String scientific(String digits, int exponent) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String magnitude = String.valueOf(Math.abs(exponent));
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude.length() < 2 ? "0" : "") + magnitude;
    }
}
