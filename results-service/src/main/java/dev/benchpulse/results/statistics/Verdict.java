package dev.benchpulse.results.statistics;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a comparison of A with B concludes at the chosen significance level. */
public enum Verdict {

    /** A's median is lower than B's and the difference is significant. */
    FASTER("faster"),
    /** A's median is higher than B's and the difference is significant. */
    SLOWER("slower"),
    /** The Mann-Whitney U test does not reject that A and B come from the same distribution. */
    NO_SIGNIFICANT_DIFFERENCE("no-significant-difference");

    private final String value;

    Verdict(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
