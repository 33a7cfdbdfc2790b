package dev.benchpulse.launcher.postgres;

import dev.benchpulse.launcher.supervision.Readiness;

/**
 * An existing PostgreSQL ({@code BENCHPULSE_DATABASE_URL}) used instead of the embedded one: nothing is started; the
 * stack checks that the database answers with the given credentials before the results service starts.
 */
public final class ExternalPostgres implements DatabaseServer {

    private final Database database;

    public ExternalPostgres(Database database) {
        this.database = database;
    }

    @Override
    public Database database() {
        return database;
    }

    @Override
    public String name() {
        return EmbeddedPostgres.NAME;
    }

    @Override
    public String address() {
        return database.display() + " (existing)";
    }

    @Override
    public void awaitReady(Readiness readiness) throws Exception {
        readiness.await(
                "answering at " + database.display() + " as user " + database.username() + " (BENCHPULSE_DATABASE_URL)",
                () -> Postgres.answers(database));
    }

    @Override
    public boolean isHealthy() throws Exception {
        return Postgres.answers(database());
    }
}
