package dev.benchpulse.testsupport;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips, with the reason, the integration tests ({@code *IntegrationTests}, the ones that start a broker or a
 * database) of a {@code -Ptestcontainers} run where no Docker engine answers, as Testcontainers'
 * {@code disabledWithoutDocker} does; unit tests run, and outside such a run it changes nothing. Registered for
 * JUnit's extension auto-detection, which only the Maven profile {@code testcontainers} turns on.
 */
public class DockerRequiredCondition implements ExecutionCondition {

    static final String REASON = "Docker is not available: the -Ptestcontainers run tests against the Kafka and "
            + "PostgreSQL images docker-compose.yml pins and needs a Docker engine (without the profile, the same "
            + "tests run against the embedded broker and PostgreSQL)";

    private final BooleanSupplier requested;
    private final BooleanSupplier dockerAvailable;

    public DockerRequiredCondition() {
        this(TestContainers::requested, TestContainers::dockerAvailable);
    }

    DockerRequiredCondition(BooleanSupplier requested, BooleanSupplier dockerAvailable) {
        this.requested = requested;
        this.dockerAvailable = dockerAvailable;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!requested.getAsBoolean()) {
            return ConditionEvaluationResult.enabled("embedded broker and PostgreSQL");
        }
        if (!context.getTestClass()
                .map(DockerRequiredCondition::isIntegrationTest)
                .orElse(false)) {
            return ConditionEvaluationResult.enabled("not an integration test");
        }
        return dockerAvailable.getAsBoolean()
                ? ConditionEvaluationResult.enabled("Docker is available")
                : ConditionEvaluationResult.disabled(REASON);
    }

    /** An {@code *IntegrationTests} class, or a class nested in one. */
    private static boolean isIntegrationTest(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (c.getSimpleName().endsWith("IntegrationTests")) {
                return true;
            }
        }
        return false;
    }
}
