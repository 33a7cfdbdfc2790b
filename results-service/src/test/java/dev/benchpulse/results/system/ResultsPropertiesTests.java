package dev.benchpulse.results.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.results.settings.ResultsProperties;
import dev.benchpulse.testsupport.ConfigurationMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The results service's settings: a value out of bounds stops start-up with the property named; IDE metadata. */
class ResultsPropertiesTests {

    private final ApplicationContextRunner service =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void the_defaults_are_valid() {
        service.run(context -> assertThat(context).hasNotFailed().hasSingleBean(ResultsProperties.class));
    }

    @Test
    void no_consumer_thread_stops_start_up_naming_the_property() {
        service.withPropertyValues("benchpulse.results.ingest.concurrency=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("benchpulse.results")
                        .hasMessageContaining("ingest.concurrency")
                        .hasMessageContaining("must be greater than 0"));
    }

    @Test
    void a_significance_level_outside_0_to_1_stops_start_up_naming_the_property() {
        service.withPropertyValues("benchpulse.results.analysis.alpha=1.5")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("analysis.alpha")
                        .hasMessageContaining("must be less than 1"));
    }

    @Test
    void the_settings_have_ide_metadata() {
        assertThat(ConfigurationMetadata.names())
                .contains(
                        "benchpulse.results.ingest.concurrency",
                        "benchpulse.results.analysis.alpha",
                        "benchpulse.results.analysis.bootstrap-resamples");
    }

    @EnableConfigurationProperties(ResultsProperties.class)
    static class Enabled {}
}
