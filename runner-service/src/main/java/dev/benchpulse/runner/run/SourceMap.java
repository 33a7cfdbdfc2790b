package dev.benchpulse.runner.run;

import java.util.List;
import java.util.Optional;

/**
 * Where the benchmark's sections landed in a rendered harness, so a PHP line number can be turned back into a
 * section and a line of the benchmark's YAML.
 */
public final class SourceMap {

    /**
     * A section's lines in the rendered harness.
     *
     * @param section   which section
     * @param firstLine the harness line (1-based) holding the section's first line
     * @param lineCount how many lines the section has
     */
    record Segment(Section section, int firstLine, int lineCount) {

        boolean contains(int line) {
            return line >= firstLine && line < firstLine + lineCount;
        }
    }

    /**
     * A position in the benchmark definition.
     *
     * @param section the section
     * @param line    1-based line within the section
     */
    public record Position(Section section, int line) {}

    private final List<Segment> segments;

    SourceMap(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    /** The section and line a harness line belongs to; empty for the harness's own lines. */
    public Optional<Position> find(int harnessLine) {
        return segments.stream()
                .filter(s -> s.contains(harnessLine))
                .findFirst()
                .map(s -> new Position(s.section(), harnessLine - s.firstLine() + 1));
    }

    /**
     * Like {@link #find}, but a harness line right after a section counts as that section's last line: PHP reports
     * an incomplete last statement (a missing semicolon, say) on the line that follows it.
     */
    public Optional<Position> findNear(int harnessLine) {
        return find(harnessLine)
                .or(() -> segments.stream()
                        .filter(s -> s.lineCount() > 0 && harnessLine == s.firstLine() + s.lineCount())
                        .findFirst()
                        .map(s -> new Position(s.section(), s.lineCount())));
    }
}
