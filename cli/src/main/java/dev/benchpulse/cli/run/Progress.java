package dev.benchpulse.cli.run;

/**
 * Where one run stands.
 *
 * @param runtime runtime id
 * @param current samples taken
 * @param total   samples asked for (0 when not known yet)
 * @param state   queued, running, completed, incomplete (samples missing), failed or cancelled
 * @param mean    running mean in ns/op, or null
 * @param ciHalf  half-width of the mean's 95% confidence interval in ns/op, or null
 */
record Progress(String runtime, int current, int total, String state, Double mean, Double ciHalf) {

    int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * current / total));
    }

    boolean finished() {
        return "completed".equals(state)
                || "incomplete".equals(state)
                || "failed".equals(state)
                || "cancelled".equals(state);
    }
}
