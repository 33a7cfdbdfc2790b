package dev.benchpulse.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

/** Every reactive service gets the one advice and the one filter writer; nothing else does. */
class ProblemAutoConfigurationTests {

    private static final AutoConfigurations CONFIGURATIONS =
            AutoConfigurations.of(JacksonAutoConfiguration.class, ProblemAutoConfiguration.class);

    @Test
    void a_reactive_web_service_gets_the_advice_and_the_writer() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(CONFIGURATIONS)
                .run(context ->
                        assertThat(context).hasSingleBean(ProblemAdvice.class).hasSingleBean(ProblemResponses.class));
    }

    @Test
    void a_service_without_a_web_server_gets_neither() {
        new ApplicationContextRunner()
                .withConfiguration(CONFIGURATIONS)
                .run(context -> assertThat(context)
                        .doesNotHaveBean(ProblemAdvice.class)
                        .doesNotHaveBean(ProblemResponses.class));
    }
}
