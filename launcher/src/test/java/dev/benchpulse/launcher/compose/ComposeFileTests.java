package dev.benchpulse.launcher.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml checked as data, since no Docker engine runs here: pinned images, healthchecks, healthy
 * dependencies, no secret in the file, the runner's PHP containers, the one Dockerfile of the services' images (pinned, non-root),
 * and the {@code observability} profile with its Prometheus scrape configuration.
 */
class ComposeFileTests {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern PINNED = Pattern.compile("[\\w./-]+:[\\w.-]*\\d[\\w.-]*");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|JWT_KEY|TOKEN).*");
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{(\\w+):\\?");

    private final Map<String, Object> compose = load();

    @Test
    void every_service_has_a_pinned_image_or_a_build() {
        services().forEach((name, service) -> {
            Object image = service.get("image");
            assertThat(image != null || service.containsKey("build"))
                    .as(name + " has an image or a build")
                    .isTrue();
            if (image != null && !service.containsKey("build")) {
                assertThat((String) image).as(name + "'s image").matches(PINNED).doesNotEndWith(":latest");
            }
        });
    }

    @Test
    void every_service_has_a_healthcheck() {
        services()
                .forEach((name, service) -> assertThat(map(service.get("healthcheck")))
                        .as(name + "'s healthcheck")
                        .containsKey("test"));
    }

    @Test
    void dependencies_wait_for_healthy_services() {
        services().forEach((name, service) -> {
            if (service.containsKey("depends_on")) {
                map(service.get("depends_on")).forEach((dependency, condition) -> {
                    assertThat(services())
                            .as(name + " depends on " + dependency)
                            .containsKey(dependency);
                    assertThat(map(condition))
                            .as(name + " -> " + dependency)
                            .containsEntry("condition", "service_healthy");
                });
            }
        });
        assertThat(map(services().get("gateway-frontend").get("depends_on")))
                .containsKeys("runner-service", "results-service", "mercure-hub");
        assertThat(map(services().get("results-service").get("depends_on"))).containsKeys("kafka", "postgres");
    }

    @Test
    void no_secret_is_written_in_the_file_every_one_comes_from_the_env_file() throws IOException {
        services()
                .forEach((name, service) -> map(service.getOrDefault("environment", Map.of()))
                        .forEach((key, value) -> {
                            if (SECRET_NAME.matcher(key).matches()) {
                                assertThat(String.valueOf(value))
                                        .as(name + " " + key)
                                        .matches("\\$\\{\\w+(:\\?[^}]*)?}");
                            }
                        }));
        String example = Files.readString(REPO.resolve(".env.example"));
        for (String variable : requiredVariables()) {
            assertThat(example).as(".env.example explains " + variable).containsPattern("(?m)^" + variable + "=$");
        }
        assertThat(Files.readString(REPO.resolve(".gitignore"))).containsPattern("(?m)^\\.env$");
    }

    @Test
    void the_services_are_named_after_their_modules_and_run_their_docker_profile() {
        for (String module :
                List.of("mercure-hub", "runner-service", "results-service", "notifier-service", "gateway-frontend")) {
            assertThat(map(map(services().get(module).get("build")).get("args")))
                    .as(module)
                    .containsEntry("MODULE", module);
            assertThat((String) map(services().get(module).get("environment")).get("SPRING_PROFILES_ACTIVE"))
                    .as(module)
                    .startsWith("docker");
        }
    }

    @Test
    void only_the_gateway_publishes_a_port_and_on_loopback_unless_told_otherwise() {
        services().forEach((name, service) -> {
            // the opt-in observability tools publish on the host's loopback only (checked with their profile)
            boolean tool = service.containsKey("profiles")
                    && strings(service.get("profiles")).contains("observability");
            if (!name.equals("gateway-frontend") && !tool) {
                assertThat(service).as(name + " publishes no port").doesNotContainKey("ports");
            }
        });
        assertThat(strings(services().get("gateway-frontend").get("ports")))
                .containsExactly("${BENCHPULSE_BIND_ADDRESS:-127.0.0.1}:${BENCHPULSE_GATEWAY_PORT:-8080}:8080");
        assertThat(map(services().get("gateway-frontend").get("environment")))
                .containsEntry("BENCHPULSE_SECURITY_EXPOSED_ADDRESS", "${BENCHPULSE_BIND_ADDRESS:-127.0.0.1}");
    }

    @Test
    void every_service_gets_the_identity_key_and_the_security_mode_and_the_hub_requires_exp() {
        for (String module : List.of("runner-service", "results-service", "notifier-service", "gateway-frontend")) {
            assertThat(map(services().get(module).get("environment")))
                    .as(module)
                    .containsKeys("BENCHPULSE_IDENTITY_KEY", "BENCHPULSE_SECURITY_MODE");
        }
        assertThat(map(services().get("mercure-hub").get("environment")))
                .containsEntry("MERCURE_PUBLISHER_REQUIRE_EXP", "true")
                .containsEntry("MERCURE_SUBSCRIBER_REQUIRE_EXP", "true");
    }

    @Test
    void kafka_is_the_official_image_at_the_version_of_the_kafka_client_spring_boot_manages() {
        assertThat(services().get("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @Test
    void the_runner_reaches_php_7_4_to_8_5_through_docker_exec() {
        Map<String, Object> runner = services().get("runner-service");
        assertThat((String) map(runner.get("environment")).get("SPRING_PROFILES_ACTIVE"))
                .startsWith("docker,");
        assertThat(strings(runner.get("volumes"))).contains("/var/run/docker.sock:/var/run/docker.sock");
        for (String version : List.of("7.4", "8.0", "8.1", "8.2", "8.3", "8.4", "8.5")) {
            Map<String, Object> php = services().get("php-" + version);
            assertThat(php.get("container_name")).isEqualTo("benchpulse-php-" + version);
            assertThat((String) php.get("image"))
                    .startsWith("php:" + version + ".")
                    .contains("-cli");
            assertThat(strings(php.get("command"))).containsExactly("sleep", "infinity");
            assertThat(map(runner.get("depends_on"))).containsKey("php-" + version);
        }
    }

    @Test
    void the_reference_hub_is_an_alternative_profile() {
        Map<String, Object> mercure = services().get("mercure");
        assertThat((String) mercure.get("image")).startsWith("dunglas/mercure:v0.24.");
        assertThat(strings(mercure.get("profiles"))).containsExactly("reference-hub");
        assertThat(services().get("mercure-hub")).doesNotContainKey("profiles");
    }

    @Test
    void the_observability_profile_adds_prometheus_grafana_and_tempo_with_the_files_kept_in_the_repository() {
        for (String tool : List.of("prometheus", "grafana", "tempo")) {
            Map<String, Object> service = services().get(tool);
            assertThat(strings(service.get("profiles"))).as(tool).containsExactly("observability");
            for (String volume : strings(service.get("volumes"))) {
                if (volume.startsWith("./")) {
                    assertThat(REPO.resolve(volume.substring(2, volume.indexOf(':'))))
                            .as(tool + " mounts " + volume)
                            .exists();
                }
            }
            if (service.containsKey("ports")) {
                assertThat(strings(service.get("ports")))
                        .as(tool + " is published on the loopback only")
                        .allMatch(port -> port.startsWith("127.0.0.1:"));
            }
        }
        assertThat(services().entrySet())
                .filteredOn(e -> !e.getValue().containsKey("profiles"))
                .as("no service of the default set depends on the observability tools")
                .allSatisfy(e -> assertThat(map(e.getValue().getOrDefault("depends_on", Map.of())))
                        .doesNotContainKeys("prometheus", "grafana", "tempo"));
        assertThat(map(services().get("grafana").get("depends_on"))).containsKeys("prometheus", "tempo");
    }

    @Test
    void the_observability_profile_is_also_the_services_spring_profile_that_exports_their_traces() throws IOException {
        for (String module : List.of("runner-service", "results-service", "notifier-service", "gateway-frontend")) {
            assertThat(map(services().get(module).get("environment")))
                    .containsEntry("SPRING_PROFILES_ACTIVE", "docker,${COMPOSE_PROFILES:-docker}")
                    .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "${BENCHPULSE_LOG_FORMAT:-}");
            String configuration = Files.readString(REPO.resolve(module + "/src/main/resources/application.yml"));
            assertThat(configuration)
                    .as(module + "'s observability profile")
                    .contains("on-profile: observability")
                    .contains("endpoint: ${BENCHPULSE_OTLP_ENDPOINT:http://tempo:4318/v1/traces}");
        }
        assertThat(strings(services().get("tempo").get("command")))
                .containsExactly("-config.file=/etc/tempo/tempo.yml");
        assertThat(Files.readString(REPO.resolve("observability/tempo/tempo.yml")))
                .contains("0.0.0.0:4318");
    }

    @Test
    void prometheus_scrapes_every_service_and_the_hub_on_its_port() throws IOException {
        Map<String, Object> prometheus =
                new Yaml().load(Files.readString(REPO.resolve("observability/prometheus.yml")));
        Map<String, String> targets = new TreeMap<>();
        for (Object job : (List<?>) prometheus.get("scrape_configs")) {
            Map<String, Object> config = map(job);
            assertThat(config.get("metrics_path")).isEqualTo("/actuator/prometheus");
            Map<String, Object> discovery = map(((List<?>) config.get("dns_sd_configs")).getFirst());
            targets.put(
                    (String) config.get("job_name"),
                    strings(discovery.get("names")).getFirst() + ":" + discovery.get("port"));
        }
        Map<String, String> expected = new TreeMap<>();
        services().forEach((name, service) -> {
            if (service.containsKey("build")) {
                expected.put(
                        name,
                        name + ":" + map(map(service.get("build")).get("args")).get("PORT"));
            }
        });
        assertThat(targets).isEqualTo(expected);
        targets.keySet()
                .forEach(job -> assertThat(REPO.resolve("observability/metrics/" + job + ".txt"))
                        .as("the meters job " + job + " serves")
                        .isRegularFile());
    }

    @Test
    void every_service_image_builds_from_the_one_dockerfile_with_its_module_and_port() throws IOException {
        List<String> lines = Files.readAllLines(REPO.resolve("Dockerfile"));
        Set<String> stages = new LinkedHashSet<>();
        for (String line : lines.stream().filter(l -> l.startsWith("FROM ")).toList()) {
            String[] parts = line.split("\\s+");
            assertThat(parts[1].matches(PINNED.pattern()) || stages.contains(parts[1]))
                    .as("'%s' builds from a pinned image or an earlier stage", line)
                    .isTrue();
            if (parts.length == 4 && parts[2].equalsIgnoreCase("AS")) {
                stages.add(parts[3]);
            }
        }
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
        assertThat(users).as("the Dockerfile sets a USER").isNotEmpty();
        assertThat(users.getLast().substring(5).trim()).doesNotMatch("(root|0)(:.*)?");
        assertThat(lines)
                .anyMatch(l -> l.startsWith("HEALTHCHECK "))
                .anyMatch(l -> l.contains("${MODULE}/target/${MODULE}-*-exec.jar"))
                .anyMatch(l -> l.contains("-Djarmode=tools") && l.contains("--layers"));
        assertThat(Files.readAllLines(REPO.resolve(".dockerignore"))).contains("*", "!*/target/*-exec.jar");

        int built = 0;
        for (Map.Entry<String, Map<String, Object>> entry : services().entrySet()) {
            if (!entry.getValue().containsKey("build")) {
                continue;
            }
            built++;
            String name = entry.getKey();
            Map<String, Object> build = map(entry.getValue().get("build"));
            Map<String, Object> args = map(build.get("args"));
            assertThat(build.get("context")).as(name).isEqualTo(".");
            assertThat(stages).as(name + "'s target").contains((String) build.get("target"));
            assertThat(REPO.resolve((String) args.get("MODULE")).resolve("pom.xml"))
                    .as(name + "'s module")
                    .isRegularFile();
            assertThat(strings(map(entry.getValue().get("healthcheck")).get("test")))
                    .as(name + "'s port")
                    .anyMatch(part -> part.contains("localhost:" + args.get("PORT") + "/actuator/health"));
        }
        assertThat(built).isEqualTo(5);
        assertThat(map(services().get("runner-service").get("build"))).containsEntry("target", "runner-service");
    }

    private Set<String> requiredVariables() throws IOException {
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = REQUIRED_VARIABLE.matcher(Files.readString(REPO.resolve("docker-compose.yml")));
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        assertThat(variables).contains("MERCURE_PUBLISHER_JWT_KEY", "MERCURE_SUBSCRIBER_JWT_KEY", "POSTGRES_PASSWORD");
        return variables;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        List<String> strings = new ArrayList<>();
        ((List<?>) value).forEach(v -> strings.add(String.valueOf(v)));
        return strings;
    }

    private static Map<String, Object> load() {
        try {
            return new Yaml().load(Files.readString(REPO.resolve("docker-compose.yml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
