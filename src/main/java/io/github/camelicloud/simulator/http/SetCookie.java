package io.github.camelicloud.simulator.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A Set-Cookie header in Apple's spelling: {@code NAME="value";Expires=Fri, 12-Jan-2024 05:06:31 GMT;Path=/;...}.
 *
 * @param quoted   Apple wraps the iCloud cookie values in double quotes (§2.4); idmsa's dslang/site are bare
 * @param expires  null for a session cookie
 * @param scope    Domain/Secure attributes, which depend on how the simulator is reached
 */
public record SetCookie(String name, String value, boolean quoted, Instant expires, boolean httpOnly,
        CookieScope scope) {

    private static final DateTimeFormatter EXPIRES =
            DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    public String toHeaderValue() {
        StringBuilder header = new StringBuilder(name).append('=');
        header.append(quoted ? '"' + value + '"' : value);
        if (expires != null) {
            header.append(";Expires=").append(EXPIRES.format(expires));
        }
        header.append(";Path=/");
        if (scope.domain() != null) {
            header.append(";Domain=").append(scope.domain());
        }
        if (scope.secure()) {
            header.append(";Secure");
        }
        if (httpOnly) {
            header.append(";HttpOnly");
        }
        return header.toString();
    }
}
