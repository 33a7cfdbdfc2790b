package dev.benchpulse.runner.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI runnerOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Benchpulse runner")
                        .description(
                                "The benchmark catalog, the PHP runtimes, calibration, and run requests and cancellations "
                                        + "(executed by the runner workers; runs are read from results-service).")
                        .version("v1"));
    }
}
