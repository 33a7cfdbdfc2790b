package dev.benchpulse.results.runs;

import java.util.List;

/**
 * One page of runs, newest first.
 *
 * @param page  0-based page number
 * @param size  page size asked for
 * @param total number of runs matching the filters, on all pages
 */
public record RunPage(List<RunView> items, int page, int size, long total) {}
