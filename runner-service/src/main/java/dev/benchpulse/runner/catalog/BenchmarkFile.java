package dev.benchpulse.runner.catalog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One benchmark YAML file as written, before validation. Field constraints carry the message a catalog author
 * sees next to the file and the field.
 */
record BenchmarkFile(
        @NotBlank(message = "is required: the file name without .yml, in kebab-case")
        @Pattern(
                regexp = KEBAB,
                message = "must be kebab-case (lowercase letters, digits, single dashes), e.g. str-contains-native")
        String slug,

        @NotBlank(message = "is required: a short display name, e.g. \"str_contains()\"")
        @Size(max = 120, message = "must be at most 120 characters")
        String name,

        @NotBlank(message = "is required: a kebab-case category such as strings or arrays")
        @Pattern(regexp = KEBAB, message = "must be kebab-case, e.g. strings or json-serialization")
        String category,

        @NotBlank(message = "is required: benchmarks that are alternatives for the same task share a group")
        String group,

        @NotBlank(message = "is required: say what is measured and why it is interesting")
        String description,

        @NotNull(message = "is required: a list of 1 to 6 lowercase tags, e.g. [strings, search]")
        @Size(min = 1, max = 6, message = "must hold 1 to 6 tags")
        List<
                        @NotBlank(message = "must not be blank")
                        @Pattern(regexp = TAG, message = "must be lowercase without spaces, e.g. php8") String>
                tags,

        @Pattern(regexp = "\\d+\\.\\d+", message = "must be \"major.minor\" in quotes, e.g. \"8.1\"")
        String minPhpVersion,

        @Pattern(regexp = "\\d+\\.\\d+", message = "must be \"major.minor\" in quotes, e.g. \"8.3\"")
        String maxPhpVersion,

        @Size(max = 200, message = "must be at most 200 characters")
        String phpVersionReason,

        @NotNull(message = "is required: unmeasured executions before the measured loop (0 or more)")
        @Min(value = 0, message = "must be 0 or more")
        Integer warmupIterations,

        @NotNull(message = "is required: executions of code in one sample's measured loop (1 or more)")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 1_000_000_000, message = "must be at most 1000000000")
        Integer innerIterations,

        String setup,

        @NotBlank(message = "is required: the PHP statements to measure")
        String code,

        String teardown) {

    static final String KEBAB = "[a-z0-9]+(-[a-z0-9]+)*";
    static final String TAG = "[\\p{Ll}\\p{N}][\\p{Ll}\\p{N}._+-]*";

    Benchmark toBenchmark() {
        return new Benchmark(
                slug,
                name.strip(),
                category,
                group.strip(),
                description.strip(),
                tags,
                minPhpVersion,
                maxPhpVersion,
                phpVersionReason == null ? null : phpVersionReason.strip(),
                warmupIterations,
                innerIterations,
                setup,
                code,
                teardown);
    }
}
