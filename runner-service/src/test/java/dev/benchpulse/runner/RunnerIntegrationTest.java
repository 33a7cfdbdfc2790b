package dev.benchpulse.runner;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring test set-up of runner-service (profile {@code test}: the fixture catalog under
 * {@code src/test/resources/catalog}, the local PHP runtimes and one that is missing, a 3 s sample timeout), on
 * the JVM's embedded broker. Every integration test class uses it, so they share one context and one set of
 * run-request consumers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = RunnerServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureWebTestClient(timeout = "30s")
public @interface RunnerIntegrationTest {}
