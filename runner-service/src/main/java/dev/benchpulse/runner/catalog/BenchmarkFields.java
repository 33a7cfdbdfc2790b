package dev.benchpulse.runner.catalog;

import java.util.Arrays;
import java.util.List;

/** The field names a benchmark YAML file may use, in the order the catalog format lists them. */
final class BenchmarkFields {

    static final List<String> NAMES = Arrays.stream(BenchmarkFile.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName)
            .toList();

    private BenchmarkFields() {}
}
