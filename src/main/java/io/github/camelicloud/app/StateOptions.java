package io.github.camelicloud.app;

import io.github.camelicloud.app.destination.DeliveredState;
import io.github.camelicloud.app.destination.StateDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the remote destinations' records live: files in the state directory (default), or a shared database. */
final class StateOptions {

    @Option(names = "--state-jdbc-url", paramLabel = "URL",
            description = "Keep the destinations' records in this database instead of --state-directory (shared"
                    + " by several machines), e.g. jdbc:postgresql://db/photos. The JDBC driver must be on the"
                    + " class path")
    String jdbcUrl;

    @Option(names = "--state-jdbc-user", paramLabel = "USER", description = "Database user")
    String jdbcUser;

    @Option(names = "--state-jdbc-password", paramLabel = "PASSWORD", defaultValue = "${env:STATE_JDBC_PASSWORD}",
            description = "Database password. Default: STATE_JDBC_PASSWORD")
    String jdbcPassword;

    /** The database when a URL is given, else the state directory; throws IllegalArgumentException on bad values. */
    DeliveredState deliveredState(Path stateDirectory) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            if (jdbcUser != null) {
                throw new IllegalArgumentException("--state-jdbc-user needs --state-jdbc-url");
            }
            return DeliveredState.inDirectory(stateDirectory);
        }
        return DeliveredState.inDatabase(new StateDatabase(jdbcUrl.trim(), Optional.ofNullable(jdbcUser),
                Optional.ofNullable(jdbcPassword)));
    }

    /** The same choice as the bundled routes' settings ({@code icloud.state.*}). */
    Map<String, String> routeProperties(Path stateDirectory) {
        deliveredState(stateDirectory); // the same checks
        Map<String, String> p = new LinkedHashMap<>();
        p.put("icloud.state.directory", stateDirectory.toString());
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            p.put("icloud.state.jdbc-url", jdbcUrl.trim());
            p.put("icloud.state.jdbc-user", jdbcUser == null ? "" : jdbcUser);
            p.put("icloud.state.jdbc-password", jdbcPassword == null ? "" : jdbcPassword);
        }
        return p;
    }
}
