package dev.benchpulse.launcher.drill;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What PostgreSQL holds of one run, read straight from the tables (not through the API): its status and current
 * attempt, how many attempts it had, and every stored sample.
 *
 * @param status   the run's status
 * @param attempts attempts recorded for it
 * @param samples  its stored samples
 * @param foreign  samples of another attempt than the run's current one
 */
record StoredRun(String status, int attempts, List<Sample> samples, int foreign) {

    /**
     * One stored sample.
     *
     * @param iteration  1-based
     * @param nanos      time per operation
     * @param memoryUsed memory used by the measured loop
     * @param peakMemory peak memory
     */
    record Sample(int iteration, double nanos, long memoryUsed, long peakMemory) {}

    static StoredRun read(String jdbcUrl, UUID run) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "benchpulse", "")) {
            String status = null;
            UUID attempt = null;
            try (PreparedStatement query = db.prepareStatement("SELECT status, attempt_id FROM runs WHERE id = ?")) {
                query.setObject(1, run);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        status = row.getString(1);
                        attempt = row.getObject(2, UUID.class);
                    }
                }
            }
            int attempts = count(db, "SELECT count(*) FROM attempts WHERE run_id = ?", run);
            List<Sample> samples = new ArrayList<>();
            int foreign = 0;
            try (PreparedStatement query = db.prepareStatement("SELECT iteration, time_per_op_ns, memory_used_bytes, "
                    + "peak_memory_bytes, attempt_id FROM samples WHERE run_id = ? ORDER BY iteration")) {
                query.setObject(1, run);
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        samples.add(new Sample(row.getInt(1), row.getDouble(2), row.getLong(3), row.getLong(4)));
                        foreign += row.getObject(5, UUID.class).equals(attempt) ? 0 : 1;
                    }
                }
            }
            return new StoredRun(status, attempts, samples, foreign);
        }
    }

    private static int count(Connection db, String sql, UUID run) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, run);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Samples stored more than once for the same iteration. */
    int duplicates() {
        return samples.size()
                - (int) samples.stream().mapToInt(Sample::iteration).distinct().count();
    }

    /** Iterations 1..{@code expected}, each exactly once, all of the current attempt. */
    boolean holdsEverySampleOnce(int expected) {
        if (samples.size() != expected || foreign != 0) {
            return false;
        }
        for (int i = 0; i < expected; i++) {
            if (samples.get(i).iteration() != i + 1) {
                return false;
            }
        }
        return true;
    }
}
