package dev.benchpulse.runner.request;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;

/**
 * A run request names its benchmarks in exactly one way: {@code benchmark}, {@code benchmarks}, {@code category}
 * or {@code catalog: true}. Reported on the field {@code benchmark}, with the other problems of the body.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneSelection.Check.class)
@interface OneSelection {

    String message() default
            "is required: the slug of a catalog benchmark, e.g. \"str-contains-native\" "
                    + "(GET /api/benchmarks lists them); or several: \"benchmarks\": [slugs], \"category\": \"strings\", "
                    + "or \"catalog\": true for every benchmark";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Counts the ways the body names benchmarks. */
    class Check implements ConstraintValidator<OneSelection, RunRequestBody> {

        @Override
        public boolean isValid(RunRequestBody body, ConstraintValidatorContext context) {
            long named = Stream.of(
                            body.benchmark() != null && !body.benchmark().isBlank(),
                            body.benchmarks() != null && !body.benchmarks().isEmpty(),
                            body.category() != null && !body.category().isBlank(),
                            Boolean.TRUE.equals(body.catalog()))
                    .filter(b -> b)
                    .count();
            if (named == 1) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                            named == 0
                                    ? context.getDefaultConstraintMessageTemplate()
                                    : "names benchmarks in more than one way: give only one of benchmark, benchmarks, category or "
                                            + "catalog")
                    .addPropertyNode("benchmark")
                    .addConstraintViolation();
            return false;
        }
    }
}
