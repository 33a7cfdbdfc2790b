package dev.benchpulse.runner.run;

import static dev.benchpulse.runner.TestFixtures.benchmark;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.runner.run.SourceMap.Position;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HarnessTemplateTests {

    private final HarnessTemplate template = HarnessTemplate.standard();

    private final Harness harness = template.render(benchmark(
            "function twice(int $x): int {\n    return 2 * $x;\n}",
            "$y = twice(21);\n$z = $y + 1;",
            "unset($y);",
            7,
            1234));

    private final List<String> lines = harness.script().lines().toList();

    @Test
    void replaces_the_iteration_placeholders() {
        assertThat(harness.script())
                .contains("$__bp_warmup = 7;", "$__bp_inner = 1234;")
                .doesNotContain("{{");
    }

    @Test
    void is_a_php_file_that_times_the_inner_loop_with_hrtime_after_settling_the_garbage_collector() {
        String script = harness.script();
        assertThat(script).startsWith("<?php\n");
        assertThat(script.indexOf("set_error_handler")).isLessThan(script.indexOf("function twice"));
        assertThat(script.indexOf("gc_collect_cycles();")).isLessThan(script.indexOf("gc_disable();"));
        assertThat(script.indexOf("gc_disable();")).isLessThan(script.indexOf("$__bp_start = hrtime(true);"));
        assertThat(script.indexOf("$__bp_elapsed = hrtime(true)")).isLessThan(script.indexOf("unset($y);"));
    }

    @Test
    void pastes_code_into_the_warmup_and_the_measured_loop_and_setup_once() {
        assertThat(lines.stream().filter("$y = twice(21);"::equals)).hasSize(2);
        assertThat(lines.stream().filter(l -> l.startsWith("function twice"))).hasSize(1);
    }

    @Nested
    class Source_map {

        @Test
        void maps_each_section_line_back_to_its_section_and_line() {
            int setupLine = lines.indexOf("    return 2 * $x;") + 1;
            int codeLine = lines.indexOf("$z = $y + 1;") + 1;
            int teardownLine = lines.indexOf("unset($y);") + 1;

            assertThat(harness.sourceMap().find(setupLine)).contains(new Position(Section.SETUP, 2));
            assertThat(harness.sourceMap().find(codeLine)).contains(new Position(Section.CODE, 2));
            assertThat(harness.sourceMap().find(teardownLine)).contains(new Position(Section.TEARDOWN, 1));
        }

        @Test
        void maps_the_second_copy_of_code_too() {
            int secondCopy = lines.lastIndexOf("$y = twice(21);") + 1;

            assertThat(harness.sourceMap().find(secondCopy)).contains(new Position(Section.CODE, 1));
        }

        @Test
        void leaves_the_harness_own_lines_unmapped() {
            assertThat(harness.sourceMap().find(1)).isEmpty();
            assertThat(harness.sourceMap().find(lines.indexOf("gc_disable();") + 1))
                    .isEmpty();
        }

        @Test
        void attributes_the_line_right_after_a_section_to_its_last_line() {
            int afterCode = lines.indexOf("$z = $y + 1;") + 2;

            assertThat(harness.sourceMap().find(afterCode)).isEmpty();
            assertThat(harness.sourceMap().findNear(afterCode)).contains(new Position(Section.CODE, 2));
        }

        @Test
        void copes_with_empty_sections() {
            Harness bare = template.render(benchmark("", "$a = 1;", "", 0, 1));

            assertThat(bare.script()).contains("$a = 1;");
            int code = bare.script().lines().toList().indexOf("$a = 1;") + 1;
            assertThat(bare.sourceMap().find(code)).contains(new Position(Section.CODE, 1));
        }
    }
}
