package dev.benchpulse.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem+json answers of a WebFlux server: the one {@link ProblemResponses} for its filters and those of
 * service-support, and the one {@link ProblemAdvice} for its controllers.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemResponses problemResponses(JsonMapper json) {
        return new ProblemResponses(json);
    }

    /**
     * Not in the gateway: its routes are no controllers, and an advice would also take the errors of routing (a
     * backend down, an unknown page), which the gateway answers itself (HTML pages for browsers).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping")
    static class ControllerProblems {

        @Bean
        @ConditionalOnMissingBean
        ProblemAdvice problemAdvice(JsonMapper json) {
            return new ProblemAdvice(json);
        }
    }
}
