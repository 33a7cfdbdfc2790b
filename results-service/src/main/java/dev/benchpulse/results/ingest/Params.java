package dev.benchpulse.results.ingest;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

/** Binds named parameters that may be null, which {@link DatabaseClient} wants typed. */
final class Params {

    private Params() {}

    static DatabaseClient.GenericExecuteSpec bind(
            DatabaseClient.GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return spec.bind(name, Parameter.fromOrEmpty(value, type));
    }
}
