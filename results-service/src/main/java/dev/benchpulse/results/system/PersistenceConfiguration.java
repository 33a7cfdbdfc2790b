package dev.benchpulse.results.system;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import java.util.List;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The reactive transaction in which a batch of consumed events is written, and the driver extension that sends the
 * samples' column arrays in binary.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }

    @Bean
    ConnectionFactoryOptionsBuilderCustomizer binaryArrays() {
        return options ->
                options.option(PostgresqlConnectionFactoryProvider.EXTENSIONS, List.of(new BinaryArrayCodecs()));
    }
}
