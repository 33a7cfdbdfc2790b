package dev.benchpulse.runner.run;

import java.util.Locale;

/** A part of a benchmark definition that the harness embeds. */
public enum Section {
    SETUP,
    CODE,
    TEARDOWN;

    /** The YAML field name: {@code setup}, {@code code} or {@code teardown}. */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }
}
