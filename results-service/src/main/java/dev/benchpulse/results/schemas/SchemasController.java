package dev.benchpulse.results.schemas;

import dev.benchpulse.contracts.schema.ContractSchemas;
import dev.benchpulse.results.problem.BadRequestException;
import dev.benchpulse.results.problem.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/schemas}: the list of event schema versions, and one schema by its fingerprint. */
@RestController
@RequestMapping("/api/schemas")
class SchemasController {

    /** A schema never changes under its fingerprint, so caches may keep it. */
    private static final CacheControl IMMUTABLE =
            CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final SchemaCatalog catalog;

    SchemasController(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Every version of every event schema the contracts hold: name, ce_type, version, "
                    + "fingerprint (16 hex digits) and the URL of its JSON")
    List<SchemaVersion> list() {
        return catalog.versions();
    }

    @GetMapping(value = "/{fingerprint}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The Avro schema (JSON) whose CRC-64-AVRO fingerprint this is, as single-object encoding "
                    + "writes it after C3 01 (read little-endian, given here as 16 hex digits)")
    @ApiResponse(responseCode = "200", description = "the schema")
    @ApiResponse(responseCode = "400", description = "not 16 hex digits")
    @ApiResponse(responseCode = "404", description = "no schema version of the contracts has this fingerprint")
    ResponseEntity<String> schema(
            @Parameter(description = "16 hex digits, e.g. 0807060504030201 for the bytes 01 02 … 08 after C3 01")
                    @PathVariable
                    String fingerprint) {
        long value = ContractSchemas.parseText(fingerprint)
                .orElseThrow(() -> new BadRequestException(
                        "fingerprint",
                        "'" + abbreviate(fingerprint) + "' is not a schema fingerprint: give the 64-bit CRC-64-AVRO "
                                + "fingerprint as 16 hex digits, most significant first (the 8 bytes after C3 01, read "
                                + "little-endian). GET /api/schemas lists every known one."));
        String json = catalog.json(value)
                .orElseThrow(() -> new NotFoundException("No event schema has fingerprint "
                        + ContractSchemas.text(value) + ". GET /api/schemas lists the "
                        + "schema versions this deployment knows; a newer producer may write a version it does "
                        + "not know yet."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(IMMUTABLE)
                .eTag(ContractSchemas.text(value))
                .body(json);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
