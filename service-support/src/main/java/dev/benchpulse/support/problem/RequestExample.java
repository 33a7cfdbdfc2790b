package dev.benchpulse.support.problem;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A valid request body of a handler method, as JSON. When the body the client sent cannot be read or bound, the
 * problem carries it as its {@code example} member, so the client sees a body that works beside what was wrong
 * with its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequestExample {

    /** The example body, a JSON object. */
    String value();
}
