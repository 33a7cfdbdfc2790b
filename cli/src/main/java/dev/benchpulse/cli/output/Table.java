package dev.benchpulse.cli.output;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header, a rule, rows; the first column left-aligned, the others right-aligned. */
public final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean alignAllLeft;

    private Table(List<String> headers, boolean alignAllLeft) {
        this.headers = List.copyOf(headers);
        this.alignAllLeft = alignAllLeft;
    }

    /** Numbers after the first column, right-aligned. */
    public static Table numeric(String... headers) {
        return new Table(List.of(headers), false);
    }

    /** Text in every column, left-aligned. */
    public static Table text(String... headers) {
        return new Table(List.of(headers), true);
    }

    public Table row(String... cells) {
        rows.add(List.of(cells));
        return this;
    }

    public List<String> lines() {
        int[] widths = new int[headers.size()];
        for (List<String> row : allRows()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], i < row.size() ? row.get(i).length() : 0);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(format(headers, widths));
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        lines.add(format(rule, widths));
        rows.forEach(row -> lines.add(format(row, widths)));
        return lines;
    }

    private List<List<String>> allRows() {
        List<List<String>> all = new ArrayList<>(rows);
        all.add(headers);
        return all;
    }

    private String format(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            String cell = i < cells.size() ? cells.get(i) : "";
            line.append(i == 0 ? "" : "  ").append(pad(cell, widths[i], i == 0 || alignAllLeft));
        }
        return line.toString().stripTrailing();
    }

    private static String pad(String text, int width, boolean left) {
        String padding = " ".repeat(Math.max(0, width - text.length()));
        return left ? text + padding : padding + text;
    }
}
