package dev.benchpulse.cli.output;

import java.util.Locale;

/** Human-readable numbers: times per operation with a fitting unit, percentages, counts. */
public final class Units {

    private static final String[] UNITS = {"ns", "µs", "ms", "s"};

    private Units() {}

    /** 812 ns, 1.23 µs, 45.6 ms: three significant digits; "-" when unknown. */
    public static String time(Double nanos) {
        if (nanos == null || nanos.isNaN()) {
            return "-";
        }
        double value = nanos;
        int unit = 0;
        while (Math.abs(value) >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return significant(value) + " " + UNITS[unit];
    }

    /** "1.23 µs ± 0.05" in the unit of the mean; the half-width of the interval. */
    public static String meanWithInterval(Double mean, Double low, Double high) {
        if (mean == null) {
            return "-";
        }
        if (low == null || high == null) {
            return time(mean);
        }
        double scale = scale(mean);
        return time(mean) + " ± " + significant((high - low) / 2 / scale);
    }

    /** 0.031 → "3.1%". */
    public static String percent(Double ratio) {
        return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    public static String number(Double value) {
        return value == null ? "-" : significant(value);
    }

    private static double scale(double nanos) {
        double scale = 1;
        for (int unit = 0; Math.abs(nanos / scale) >= 1000 && unit < UNITS.length - 1; unit++) {
            scale *= 1000;
        }
        return scale;
    }

    private static String significant(double value) {
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
