package dev.benchpulse.results.matrix;

import dev.benchpulse.results.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/matrices/{id}}: the progress of every run one request queued, as a whole and per benchmark. */
@RestController
class MatrixController {

    private final MatrixRepository matrices;

    MatrixController(MatrixRepository matrices) {
        this.matrices = matrices;
    }

    @GetMapping("/api/matrices/{id}")
    @Operation(summary = "A matrix's progress: runs per status, samples taken of all, and each benchmark's runs")
    Mono<MatrixView> matrix(@PathVariable UUID id) {
        return matrices.runs(id)
                .collectList()
                .filter(runs -> !runs.isEmpty())
                .map(runs -> MatrixView.of(id, runs))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No matrix has id " + id + ". POST /api/runs "
                        + "answers with the matrixId of a request that queued several runs; runs requested a moment "
                        + "ago appear within a second.")));
    }
}
