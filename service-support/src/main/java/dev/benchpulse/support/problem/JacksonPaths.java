package dev.benchpulse.support.problem;

import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/** Names the field a Jackson error is about, as {@code runtimes[1]} or {@code tags[0]}. */
public final class JacksonPaths {

    private JacksonPaths() {}

    /** The field path of {@code e}, or {@code fallback} when the error is not about a field. */
    public static String field(JacksonException e, String fallback) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? "." + ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? fallback : path;
    }
}
