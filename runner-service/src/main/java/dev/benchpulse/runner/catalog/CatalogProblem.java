package dev.benchpulse.runner.catalog;

import java.nio.file.Path;

/**
 * Something wrong with one catalog file: the file is not offered until it is fixed.
 *
 * @param file    the YAML file
 * @param field   the field at fault, or {@code (file)} when the file as a whole is
 * @param message what is wrong and how to fix it
 */
public record CatalogProblem(Path file, String field, String message) {

    static final String WHOLE_FILE = "(file)";

    @Override
    public String toString() {
        return file + ": " + field + " " + message;
    }
}
