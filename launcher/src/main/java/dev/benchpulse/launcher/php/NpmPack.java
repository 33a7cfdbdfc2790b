package dev.benchpulse.launcher.php;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fetches a package with {@code npm pack}, so npm's own registry, proxy, authentication and cache settings apply.
 * npm reports failures as JSON ({@code error.code}, {@code error.summary}); a missing npm, an unreachable registry
 * and a package version that is gone each get their own message.
 */
final class NpmPack implements PackageFetcher {

    private static final List<String> NETWORK_CODES = List.of(
            "ECONNREFUSED",
            "ENOTFOUND",
            "ETIMEDOUT",
            "ECONNRESET",
            "EAI_AGAIN",
            "ENETUNREACH",
            "EHOSTUNREACH",
            "ERR_SOCKET_TIMEOUT",
            "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
            "SELF_SIGNED_CERT_IN_CHAIN",
            "E403",
            "E401",
            "E500",
            "E502",
            "E503",
            "E504");

    private final String npm;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * @param npm     the npm executable (a name on the PATH or a path)
     * @param timeout how long one package may take before npm is stopped
     */
    NpmPack(String npm, Duration timeout) {
        this.npm = npm;
        this.timeout = timeout;
    }

    @Override
    public Path fetch(PhpRelease release, Path directory) {
        Path log = directory.resolve("npm-pack.log");
        Process process = start(
                List.of(
                        npm,
                        "pack",
                        release.spec(),
                        "--pack-destination",
                        directory.toString(),
                        "--json",
                        "--fetch-timeout=120000",
                        "--no-fund",
                        "--no-audit"),
                log,
                directory);
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new PhpInstallException("npm pack " + release.spec() + " took longer than " + timeout.toMinutes()
                        + " minutes and was stopped. Check the network, then run the install again.");
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PhpInstallException("Interrupted while fetching " + release.spec());
        }
        String output = read(log);
        if (process.exitValue() != 0) {
            throw failure(release, output);
        }
        return tarball(release, directory, output);
    }

    private Process start(List<String> command, Path log, Path directory) {
        try {
            return new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(log.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new PhpInstallException(
                    "Cannot run `" + npm + "`: " + e.getMessage() + ". The PHP builds come from "
                            + "the npm registry and are fetched with npm: install Node.js with npm (Debian/Ubuntu: sudo apt-get "
                            + "install npm; or https://nodejs.org), or point BENCHPULSE_NPM at an npm executable.",
                    e);
        }
    }

    private PhpInstallException failure(PhpRelease release, String output) {
        JsonNode error = parse(output).path("error");
        String code = error.path("code").asString("");
        String summary = error.path("summary").asString(output.isBlank() ? "no output" : output.strip());
        if (NETWORK_CODES.contains(code) || summary.contains("FetchError") || summary.contains("request to")) {
            return new PhpInstallException("Cannot reach the npm registry to fetch " + release.spec() + ": "
                    + oneLine(summary) + ". Check the network connection, or npm's registry and proxy settings "
                    + "(npm config get registry; npm config get https-proxy), then run the install again.");
        }
        if ("ETARGET".equals(code) || "E404".equals(code)) {
            return new PhpInstallException("The registry no longer serves " + release.spec() + " (" + oneLine(summary)
                    + "). Benchpulse pins exact package versions; install another PHP version, or update the pin in "
                    + PhpReleases.class.getSimpleName() + ".");
        }
        return new PhpInstallException("npm pack " + release.spec() + " failed"
                + (code.isEmpty() ? "" : " (" + code + ")") + ": " + oneLine(summary) + ". Run `npm pack "
                + release.spec() + "` by hand to see npm's full error.");
    }

    private Path tarball(PhpRelease release, Path directory, String output) {
        JsonNode packed = parse(output);
        String name = packed.isArray() && !packed.isEmpty()
                ? packed.get(0).path("filename").asString("")
                : "";
        Path file = directory.resolve(name.isEmpty() ? "missing" : name).normalize();
        if (name.isEmpty() || !file.getParent().equals(directory) || !Files.isRegularFile(file)) {
            throw new PhpInstallException("npm pack " + release.spec() + " succeeded but left no tarball in "
                    + directory + " (npm said: " + oneLine(output) + ")");
        }
        return file;
    }

    private JsonNode parse(String output) {
        int start = output.indexOf(output.strip().startsWith("[") ? '[' : '{');
        if (start < 0) {
            return json.missingNode();
        }
        try {
            return json.readTree(output.substring(start));
        } catch (JacksonException e) {
            return json.missingNode();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** The npm command: {@code BENCHPULSE_NPM} when set, else {@code npm} from the PATH. */
    static String command(String configured) {
        return configured == null || configured.isBlank() ? "npm" : configured;
    }
}
