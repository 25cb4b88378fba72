package io.github.camelicloud.app.destination;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A database for the delivered-state of several machines or processes: a JDBC URL, and the user and
 * password when they are not part of it. PostgreSQL's driver is bundled; another database's driver is the user's
 * (on the class path).
 */
public record StateDatabase(String url, Optional<String> user, Optional<String> password) {

    public StateDatabase {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("the state database must be a JDBC URL such as"
                    + " jdbc:postgresql://db:5432/photos, got '" + shownUrl(url) + "'");
        }
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new IllegalArgumentException("no JDBC driver for " + shownUrl(url) + " on the class path: start"
                    + " with the driver's jar, e.g. java -cp camel-icloud.jar:postgresql.jar"
                    + " io.github.camelicloud.app.Main ...");
        }
        user = user.filter(u -> !u.isEmpty());
        password = password.filter(p -> !p.isEmpty());
    }

    /** No password: the record's own toString would print it. */
    @Override
    public String toString() {
        return "StateDatabase[" + shown() + user.map(u -> ", user " + u).orElse("") + "]";
    }

    /** The URL without any password it carries (…;password=…, ?password=…, user:password@). */
    public String shown() {
        return shownUrl(url);
    }

    private static String shownUrl(String url) {
        if (url == null) {
            return "";
        }
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//([^/@:]+):[^/@]*@", "//$1:***@");
    }
}
