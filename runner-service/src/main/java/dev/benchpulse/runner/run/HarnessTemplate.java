package dev.benchpulse.runner.run;

import dev.benchpulse.runner.catalog.Benchmark;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sample harness ({@code harness.php}) and the driver that runs it ({@code driver.php}), both resources next
 * to this class. Rendering replaces the {@code {{setup}}}, {@code {{code}}} and {@code {{teardown}}} lines by the
 * benchmark's sections and the iteration placeholders by numbers, recording where each section landed.
 */
public final class HarnessTemplate {

    private static final Map<String, Section> SECTION_MARKERS =
            Map.of("{{setup}}", Section.SETUP, "{{code}}", Section.CODE, "{{teardown}}", Section.TEARDOWN);

    private final List<String> lines;
    private final String driver;

    private HarnessTemplate(String template, String driver) {
        this.lines = template.lines().toList();
        this.driver = driver;
    }

    /** The template shipped with the runner. */
    public static HarnessTemplate standard() {
        return new HarnessTemplate(resource("harness.php"), resource("driver.php"));
    }

    /** The driver's PHP code, without an open tag, for {@code php -r}. */
    String driver() {
        return driver;
    }

    /** Renders the harness for one sample of {@code benchmark} with its warmup and inner iterations. */
    Harness render(Benchmark benchmark) {
        StringBuilder script = new StringBuilder(4096);
        List<SourceMap.Segment> segments = new ArrayList<>();
        int line = 0;
        for (String templateLine : lines) {
            Section section = SECTION_MARKERS.get(templateLine.strip());
            if (section == null) {
                script.append(templateLine
                                .replace("{{warmupIterations}}", Integer.toString(benchmark.warmupIterations()))
                                .replace("{{innerIterations}}", Integer.toString(benchmark.innerIterations())))
                        .append('\n');
                line++;
                continue;
            }
            List<String> sectionLines = sectionLines(benchmark, section);
            segments.add(new SourceMap.Segment(section, line + 1, sectionLines.size()));
            sectionLines.forEach(l -> script.append(l).append('\n'));
            line += sectionLines.size();
        }
        return new Harness(script.toString(), new SourceMap(segments));
    }

    private static List<String> sectionLines(Benchmark benchmark, Section section) {
        String text = switch (section) {
            case SETUP -> benchmark.setup();
            case CODE -> benchmark.code();
            case TEARDOWN -> benchmark.teardown();
        };
        return text.isEmpty() ? List.of() : text.lines().toList();
    }

    private static String resource(String name) {
        try (InputStream in = HarnessTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Missing harness resource " + name + " next to " + HarnessTemplate.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
