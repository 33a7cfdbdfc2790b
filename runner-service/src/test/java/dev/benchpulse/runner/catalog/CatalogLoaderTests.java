package dev.benchpulse.runner.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTests {

    static final String VALID = """
            slug: str-contains-native
            name: "str_contains()"
            category: strings
            group: substring-search
            description: >-
              Checks whether a haystack contains a needle with str_contains().
            tags: [strings, search, php8]
            minPhpVersion: "8.0"
            phpVersionReason: str_contains() is new in PHP 8.0
            warmupIterations: 1000
            innerIterations: 100000
            setup: |
              $haystack = str_repeat('lorem ipsum ', 100);
            code: |
              $found = str_contains($haystack, 'ipsum');
            """;

    final CatalogLoader loader =
            new CatalogLoader(Validation.buildDefaultValidatorFactory().getValidator());

    @TempDir
    Path dir;

    Catalog load(String fileName, String yaml) throws IOException {
        Files.writeString(dir.resolve(fileName), yaml);
        return loader.load(dir);
    }

    /** The problems of a variant of the valid file with {@code from} replaced by {@code to}. */
    List<String> problemsOf(String from, String to) throws IOException {
        assertThat(VALID).contains(from);
        return load("str-contains-native.yml", VALID.replace(from, to)).problems().stream()
                .map(p -> p.field() + " " + p.message())
                .toList();
    }

    @Test
    void loads_a_valid_file_into_a_benchmark() throws IOException {
        Catalog catalog = load("str-contains-native.yml", VALID);

        assertThat(catalog.problems()).isEmpty();
        Benchmark benchmark = catalog.get("str-contains-native");
        assertThat(benchmark.name()).isEqualTo("str_contains()");
        assertThat(benchmark.group()).isEqualTo("substring-search");
        assertThat(benchmark.tags()).containsExactly("strings", "search", "php8");
        assertThat(benchmark.minPhpVersion()).isEqualTo("8.0");
        assertThat(benchmark.compatibility().explain())
                .isEqualTo("PHP 8.0 or newer (str_contains() is new in PHP 8.0)");
        assertThat(benchmark.warmupIterations()).isEqualTo(1000);
        assertThat(benchmark.innerIterations()).isEqualTo(100_000);
        assertThat(benchmark.code()).isEqualTo("$found = str_contains($haystack, 'ipsum');\n");
        assertThat(benchmark.teardown()).isEmpty();
    }

    @Test
    void leaves_out_a_bad_file_with_its_path_and_keeps_the_others() throws IOException {
        Files.writeString(
                dir.resolve("broken.yml"),
                VALID.replace("slug: str-contains-native", "slug: broken")
                        .replace("innerIterations: 100000", "innerIterations: 0"));

        Catalog catalog = load("str-contains-native.yml", VALID);

        assertThat(catalog.benchmarks()).extracting(Benchmark::slug).containsExactly("str-contains-native");
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("broken.yml"));
            assertThat(p.field()).isEqualTo("innerIterations");
            assertThat(p.message()).isEqualTo("must be at least 1");
            assertThat(p.toString()).startsWith(dir.resolve("broken.yml") + ": innerIterations must be at least 1");
        });
    }

    @Test
    void reports_a_missing_directory_without_failing() {
        Catalog catalog = loader.load(dir.resolve("nowhere"));

        assertThat(catalog.benchmarks()).isEmpty();
        assertThat(catalog.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("BENCHPULSE_CATALOG_DIR"));
    }

    @Nested
    class Field_rules {

        @Test
        void every_required_field_must_be_present() throws IOException {
            List<String> problems = load("minimal.yml", "slug: minimal\n").problems().stream()
                    .map(CatalogProblem::field)
                    .toList();

            assertThat(problems)
                    .containsExactlyInAnyOrder(
                            "name",
                            "category",
                            "group",
                            "description",
                            "tags",
                            "warmupIterations",
                            "innerIterations",
                            "code");
        }

        @Test
        void slug_must_equal_the_file_name() throws IOException {
            assertThat(problemsOf("slug: str-contains-native", "slug: str-contains"))
                    .containsExactly("slug is 'str-contains' but must equal the file name 'str-contains-native': "
                            + "rename the file or change the slug");
        }

        @Test
        void slug_and_category_must_be_kebab_case() throws IOException {
            assertThat(problemsOf("category: strings", "category: String_Functions"))
                    .containsExactly("category must be kebab-case, e.g. strings or json-serialization");
        }

        @Test
        void tags_are_one_to_six_lowercase_words() throws IOException {
            assertThat(problemsOf("tags: [strings, search, php8]", "tags: []"))
                    .containsExactly("tags must hold 1 to 6 tags");
            assertThat(problemsOf("tags: [strings, search, php8]", "tags: [a, b, c, d, e, f, g]"))
                    .containsExactly("tags must hold 1 to 6 tags");
            assertThat(problemsOf("tags: [strings, search, php8]", "tags: [Strings]"))
                    .containsExactly("tags[0] must be lowercase without spaces, e.g. php8");
        }

        @Test
        void iterations_have_lower_bounds() throws IOException {
            assertThat(problemsOf("warmupIterations: 1000", "warmupIterations: -1"))
                    .containsExactly("warmupIterations must be 0 or more");
            assertThat(problemsOf("innerIterations: 100000", "innerIterations: 0"))
                    .containsExactly("innerIterations must be at least 1");
        }

        @Test
        void min_php_version_is_major_dot_minor() throws IOException {
            assertThat(problemsOf("minPhpVersion: \"8.0\"", "minPhpVersion: \"eight\""))
                    .containsExactly("minPhpVersion must be \"major.minor\" in quotes, e.g. \"8.1\"");
        }

        @Test
        void max_php_version_is_major_dot_minor_and_not_older_than_the_minimum() throws IOException {
            String both = "minPhpVersion: \"8.0\"\nmaxPhpVersion: \"%s\"";
            assertThat(problemsOf("minPhpVersion: \"8.0\"", both.formatted("8.x")))
                    .containsExactly("maxPhpVersion must be \"major.minor\" in quotes, e.g. \"8.3\"");
            assertThat(problemsOf("minPhpVersion: \"8.0\"", both.formatted("7.4")))
                    .containsExactly(
                            "maxPhpVersion is 7.4, older than minPhpVersion 8.0: no PHP could run the benchmark");
            assertThat(problemsOf("minPhpVersion: \"8.0\"", both.formatted("8.3")))
                    .isEmpty();
        }

        @Test
        void a_php_version_limit_needs_its_reason_and_a_reason_needs_a_limit() throws IOException {
            assertThat(problemsOf("phpVersionReason: str_contains() is new in PHP 8.0\n", ""))
                    .singleElement()
                    .asString()
                    .startsWith("phpVersionReason is required with minPhpVersion");
            assertThat(problemsOf("minPhpVersion: \"8.0\"\n", ""))
                    .singleElement()
                    .asString()
                    .startsWith("phpVersionReason explains minPhpVersion or maxPhpVersion");
        }

        @Test
        void a_value_of_the_wrong_type_names_the_field() throws IOException {
            assertThat(problemsOf("innerIterations: 100000", "innerIterations: lots"))
                    .singleElement()
                    .asString()
                    .startsWith("innerIterations has the wrong type or shape");
        }

        @Test
        void an_unknown_field_is_named_with_the_fields_allowed() throws IOException {
            assertThat(problemsOf("minPhpVersion:", "minPhp:"))
                    .singleElement()
                    .asString()
                    .startsWith("minPhp is not a benchmark field")
                    .contains("minPhpVersion", "innerIterations");
        }

        @Test
        void invalid_yaml_is_reported_with_its_line() throws IOException {
            assertThat(problemsOf("tags: [strings, search, php8]", "tags: [strings, search"))
                    .singleElement()
                    .asString()
                    .startsWith("(file) is not valid YAML")
                    .contains("line");
        }

        @Test
        void an_empty_file_is_reported() throws IOException {
            assertThat(load("empty.yml", "").problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).startsWith("is empty"));
        }

        @Test
        void a_yaml_extension_is_reported_as_ignored() throws IOException {
            assertThat(load("other.yaml", VALID).problems())
                    .singleElement()
                    .satisfies(p -> assertThat(p.message()).contains("rename it"));
        }
    }

    @Nested
    class Code_rules {

        List<String> problemsOfCode(String code) throws IOException {
            return problemsOf("  $found = str_contains($haystack, 'ipsum');\n", code.indent(2));
        }

        @Test
        void code_must_not_declare_named_functions_or_types() throws IOException {
            assertThat(problemsOfCode("function helper($x) { return $x; }\n$y = helper(1);"))
                    .singleElement()
                    .asString()
                    .startsWith("code declares function helper(): code runs in a loop");
            assertThat(problemsOfCode("class Point {}"))
                    .singleElement()
                    .asString()
                    .startsWith("code declares class Point");
            assertThat(problemsOfCode("final class Point {}"))
                    .singleElement()
                    .asString()
                    .contains("class Point");
            assertThat(problemsOfCode("interface Shape {}"))
                    .singleElement()
                    .asString()
                    .contains("interface Shape");
            assertThat(problemsOfCode("trait Greets {}"))
                    .singleElement()
                    .asString()
                    .contains("trait Greets");
            assertThat(problemsOfCode("enum Suit { case Hearts; }"))
                    .singleElement()
                    .asString()
                    .contains("enum Suit");
        }

        @Test
        void closures_anonymous_classes_and_class_constants_are_fine() throws IOException {
            assertThat(problemsOfCode("""
                    $f = function ($x) { return $x; };
                    $g = fn($x) => $x;
                    $o = new class { public function name() { return 'x'; } };
                    $c = Point::class;
                    $s = 'class Foo and function bar() in a string';
                    // function commented() {}
                    $class = $o->name();
                    """)).isEmpty();
        }

        @Test
        void no_section_may_use_harness_variables_or_php_tags() throws IOException {
            assertThat(problemsOfCode("$__bp_inner = 1;"))
                    .singleElement()
                    .asString()
                    .startsWith("code uses a $__bp_ variable");
            assertThat(problemsOf("setup: |\n  $haystack", "setup: |\n  <?php\n  $haystack"))
                    .singleElement()
                    .asString()
                    .startsWith("setup contains a PHP open or close tag");
        }
    }
}
