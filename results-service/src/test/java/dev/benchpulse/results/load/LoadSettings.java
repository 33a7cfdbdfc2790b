package dev.benchpulse.results.load;

/**
 * Command-line settings of the load generator.
 *
 * @param samples          Progress events (samples) per phase
 * @param runs             concurrent runs the samples are spread over
 * @param bootstrapServers a running broker, or null to start one in process
 */
record LoadSettings(int samples, int runs, String bootstrapServers) {

    static LoadSettings parse(String[] args) {
        int samples = 1_000_000;
        int runs = 500;
        String bootstrap = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--bootstrap-servers" -> bootstrap = args[i + 1];
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --samples N, --runs N, --bootstrap-servers host:port");
            }
        }
        if (samples % runs != 0) {
            throw new IllegalArgumentException("--samples must be a multiple of --runs");
        }
        return new LoadSettings(samples, runs, bootstrap);
    }
}
