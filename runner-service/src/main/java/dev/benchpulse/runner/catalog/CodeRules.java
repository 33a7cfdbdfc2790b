package dev.benchpulse.runner.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cheap static checks of a benchmark's PHP that the harness relies on: the measured {@code code} is pasted into
 * two loops, so it must not declare named functions, classes, interfaces, traits or enums (those belong in
 * {@code setup}); no section may use the harness's own {@code $__bp_} variables or PHP open/close tags. Strings
 * and comments are ignored.
 */
final class CodeRules {

    private static final Pattern STRINGS_AND_COMMENTS = Pattern.compile(
            "'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"|/\\*.*?\\*/|//[^\\n]*|#(?!\\[)[^\\n]*", Pattern.DOTALL);
    private static final Pattern NAMED_FUNCTION =
            Pattern.compile("(?<![\\w$>:])(?<!(?:public|private|protected|static|abstract|final)\\s{1,20})"
                    + "function\\s+&?\\s*([A-Za-z_]\\w*)\\s*\\(");
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "(?<![\\w$>:])(?<!new\\s{1,20})(class|interface|trait|enum)\\s+(?!extends\\b|implements\\b)([A-Za-z_]\\w*)");
    private static final Pattern HARNESS_VARIABLE = Pattern.compile("\\$\\{?__bp_");
    private static final Pattern PHP_TAG = Pattern.compile("<\\?(?:php|=)?|\\?>");

    private CodeRules() {}

    /** Problems as field name → message; empty when the sections are fine. */
    static List<Map.Entry<String, String>> check(BenchmarkFile file) {
        List<Map.Entry<String, String>> problems = new ArrayList<>();
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("setup", file.setup());
        sections.put("code", file.code());
        sections.put("teardown", file.teardown());
        sections.forEach((field, source) -> {
            if (source == null) {
                return;
            }
            String stripped = STRINGS_AND_COMMENTS.matcher(source).replaceAll(" ");
            if (HARNESS_VARIABLE.matcher(stripped).find()) {
                problems.add(
                        Map.entry(field, "uses a $__bp_ variable: that prefix is reserved for the harness, rename it"));
            }
            if (PHP_TAG.matcher(stripped).find()) {
                problems.add(Map.entry(
                        field, "contains a PHP open or close tag (<?php, ?>): write plain statements without tags"));
            }
        });
        if (file.code() != null) {
            declaration(STRINGS_AND_COMMENTS.matcher(file.code()).replaceAll(" "))
                    .ifPresent(
                            what -> problems.add(
                                    Map.entry(
                                            "code",
                                            "declares " + what
                                                    + ": code runs in a loop, so declare functions, classes, interfaces, traits and enums in setup")));
        }
        return problems;
    }

    private static Optional<String> declaration(String code) {
        Matcher function = NAMED_FUNCTION.matcher(code);
        if (function.find()) {
            return Optional.of("function " + function.group(1) + "()");
        }
        Matcher type = TYPE_DECLARATION.matcher(code);
        if (type.find()) {
            return Optional.of(type.group(1) + " " + type.group(2));
        }
        return Optional.empty();
    }
}
