package dev.benchpulse.runner.catalog;

import dev.benchpulse.support.problem.JacksonPaths;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the catalog directory: every {@code *.yml} file is parsed and validated on its own, so a bad file is
 * reported (path, field, what is wrong) and left out while the others load.
 */
public final class CatalogLoader {

    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private final Validator validator;

    public CatalogLoader(Validator validator) {
        this.validator = validator;
    }

    /** Loads every benchmark of {@code directory}; never throws for a bad file or a missing directory. */
    public Catalog load(Path directory) {
        if (!Files.isDirectory(directory)) {
            return new Catalog(
                    directory,
                    List.of(),
                    List.of(new CatalogProblem(
                            directory,
                            CatalogProblem.WHOLE_FILE,
                            "is not a directory: set benchpulse.runner.catalog-dir (env BENCHPULSE_CATALOG_DIR) to the "
                                    + "catalog's directory, e.g. the repository's benchmarks/")));
        }
        List<Benchmark> benchmarks = new ArrayList<>();
        List<CatalogProblem> problems = new ArrayList<>();
        for (Path file : files(directory, problems)) {
            List<CatalogProblem> fileProblems = new ArrayList<>();
            Benchmark benchmark = loadFile(file, fileProblems);
            if (fileProblems.isEmpty()) {
                benchmarks.add(benchmark);
            }
            problems.addAll(fileProblems);
        }
        benchmarks.sort(Comparator.comparing(Benchmark::category)
                .thenComparing(Benchmark::group)
                .thenComparing(Benchmark::slug));
        return new Catalog(directory, benchmarks, problems);
    }

    private static List<Path> files(Path directory, List<CatalogProblem> problems) {
        try (Stream<Path> entries = Files.list(directory)) {
            List<Path> all = entries.filter(Files::isRegularFile).sorted().toList();
            all.stream()
                    .filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .forEach(f -> problems.add(new CatalogProblem(
                            f, CatalogProblem.WHOLE_FILE, "is ignored: catalog files end with .yml, rename it")));
            return all.stream()
                    .filter(f -> f.getFileName().toString().endsWith(".yml"))
                    .toList();
        } catch (IOException e) {
            problems.add(
                    new CatalogProblem(directory, CatalogProblem.WHOLE_FILE, "cannot be listed: " + e.getMessage()));
            return List.of();
        }
    }

    private Benchmark loadFile(Path file, List<CatalogProblem> problems) {
        BenchmarkFile parsed = parse(file, problems);
        if (parsed == null) {
            return null;
        }
        for (ConstraintViolation<BenchmarkFile> violation : validator.validate(parsed)) {
            problems.add(new CatalogProblem(file, fieldOf(violation), violation.getMessage()));
        }
        String expectedSlug = file.getFileName().toString().replaceFirst("\\.yml$", "");
        if (parsed.slug() != null && !parsed.slug().equals(expectedSlug)) {
            problems.add(new CatalogProblem(
                    file,
                    "slug",
                    "is '" + parsed.slug() + "' but must equal the file name '" + expectedSlug
                            + "': rename the file or change the slug"));
        }
        CodeRules.check(parsed).forEach(p -> problems.add(new CatalogProblem(file, p.getKey(), p.getValue())));
        VersionRules.check(parsed).forEach(p -> problems.add(new CatalogProblem(file, p.getKey(), p.getValue())));
        problems.sort(Comparator.comparing(CatalogProblem::field));
        return problems.isEmpty() ? parsed.toBenchmark() : null;
    }

    private BenchmarkFile parse(Path file, List<CatalogProblem> problems) {
        try {
            String text = Files.readString(file);
            BenchmarkFile parsed = text.isBlank() ? null : yaml.readValue(text, BenchmarkFile.class);
            if (parsed == null) {
                problems.add(
                        new CatalogProblem(file, CatalogProblem.WHOLE_FILE, "is empty: write the benchmark's fields"));
            }
            return parsed;
        } catch (IOException e) {
            problems.add(new CatalogProblem(file, CatalogProblem.WHOLE_FILE, "cannot be read: " + e.getMessage()));
        } catch (UnrecognizedPropertyException e) {
            problems.add(new CatalogProblem(
                    file,
                    e.getPropertyName(),
                    "is not a benchmark field: remove it or fix its " + "spelling (fields: "
                            + String.join(", ", BenchmarkFields.NAMES) + ")"));
        } catch (DatabindException e) {
            problems.add(new CatalogProblem(
                    file,
                    JacksonPaths.field(e, CatalogProblem.WHOLE_FILE),
                    "has the wrong type or shape: " + e.getOriginalMessage() + at(e.getLocation())));
        } catch (JacksonException e) {
            problems.add(new CatalogProblem(
                    file,
                    CatalogProblem.WHOLE_FILE,
                    "is not valid YAML: " + e.getOriginalMessage() + at(e.getLocation())));
        }
        return null;
    }

    private static String at(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " (line " + location.getLineNr() + ")";
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
    }
}
