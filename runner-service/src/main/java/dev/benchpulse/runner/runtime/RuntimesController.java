package dev.benchpulse.runner.runtime;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The configured PHP runtimes over HTTP. */
@RestController
class RuntimesController {

    private final Runtimes runtimes;

    RuntimesController(Runtimes runtimes) {
        this.runtimes = runtimes;
    }

    @GetMapping("/api/runtimes")
    @Operation(
            summary = "Every runtime, configured and installed: exact PHP version, origin (packager, compiler, "
                    + "package), how it starts and its settings, availability (with the reason) and JIT state")
    List<RuntimeView> list() {
        return runtimes.all().stream()
                .map(r -> new RuntimeView(
                        r.id(),
                        r.name(),
                        r.kind().name().toLowerCase(Locale.ROOT),
                        r.phpVersion(),
                        r.settings(),
                        r.available(),
                        r.reason(),
                        r.jit(),
                        r.origin(),
                        r.startOptions()))
                .toList();
    }

    /**
     * A runtime as clients see it.
     *
     * @param id         id for run requests
     * @param name       display name
     * @param kind       {@code local} or {@code container}
     * @param phpVersion PHP_VERSION, null when unavailable
     * @param settings     every ini setting it runs with beyond PHP's compiled-in defaults (no php.ini is read)
     * @param available    whether it can run benchmarks
     * @param reason       why not and how to fix it, or a warning; null when all is well
     * @param jit          whether the opcache JIT is on
     * @param origin       configured or installed, the build's packager and compiler, the package it came from
     * @param startOptions what precedes the settings on the command line: {@code -n} and the extensions loaded
     */
    record RuntimeView(
            String id,
            String name,
            String kind,
            String phpVersion,
            Map<String, String> settings,
            boolean available,
            String reason,
            boolean jit,
            PhpRuntime.Origin origin,
            List<String> startOptions) {}
}
