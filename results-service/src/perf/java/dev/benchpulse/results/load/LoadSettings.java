package dev.benchpulse.results.load;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line settings of the load generator.
 *
 * @param samples          Progress events (samples) per phase
 * @param runs             concurrent runs the samples are spread over
 * @param warmup           samples ingested before the measured phases, so that they run compiled code
 * @param bootstrapServers a running broker, or null to start one in process
 * @param postgres         PostgreSQL settings replacing or adding to the production ones ({@code --postgres a=b,c=d})
 */
record LoadSettings(int samples, int runs, int warmup, String bootstrapServers, Map<String, String> postgres) {

    static LoadSettings parse(String[] args) {
        int samples = 1_000_000;
        int runs = 500;
        int warmup = 100_000;
        String bootstrap = null;
        Map<String, String> postgres = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--bootstrap-servers" -> bootstrap = args[i + 1];
                case "--postgres" -> postgres.putAll(settings(args[i + 1]));
                default ->
                    throw new IllegalArgumentException(
                            "Unknown option " + args[i]
                                    + "; use --samples N, --runs N, --warmup N, --bootstrap-servers host:port, --postgres name=value,...");
            }
        }
        if (samples % runs != 0 || warmup % runs != 0) {
            throw new IllegalArgumentException("--samples and --warmup must be multiples of --runs");
        }
        return new LoadSettings(samples, runs, warmup, bootstrap, postgres);
    }

    private static Map<String, String> settings(String list) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String pair : list.split(",")) {
            String[] nameValue = pair.split("=", 2);
            if (nameValue.length != 2) {
                throw new IllegalArgumentException(
                        "--postgres takes name=value pairs separated by commas, not " + pair);
            }
            settings.put(nameValue[0].trim(), nameValue[1].trim());
        }
        return settings;
    }
}
