package io.github.camelicloud.simulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Sizes as typed on a command line: {@code 12345}, {@code 500K}, {@code 20M}, {@code 3G}, {@code 1.5T}
 * (powers of 1024).
 */
final class ByteSize implements ITypeConverter<Long> {

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String text) {
        Matcher matcher = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (expected e.g. 4096, 500K, 20M, 3G)");
        }
        int power = matcher.group(2).isEmpty() ? 0 : "KMGT".indexOf(matcher.group(2)) + 1;
        double bytes = Double.parseDouble(matcher.group(1)) * Math.pow(1024, power);
        if (bytes > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("size too large: " + text);
        }
        return Math.round(bytes);
    }
}
