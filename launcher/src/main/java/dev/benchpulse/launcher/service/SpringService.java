package dev.benchpulse.launcher.service;

import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.JavaCommand;
import dev.benchpulse.launcher.process.ProcessSpec;
import dev.benchpulse.launcher.supervision.Component;
import dev.benchpulse.launcher.supervision.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One of Benchpulse's Spring Boot applications (the hub or a service), started from its module's {@code -exec}
 * jar and configured through environment variables only; healthy when Actuator says UP.
 */
public final class SpringService implements Component {

    private static final Map<String, Object> PREPARING = new ConcurrentHashMap<>();

    private final ServiceDefinition definition;
    private final StackLayout layout;
    private final JavaCommand java;
    private final List<String> javaOptions;

    SpringService(ServiceDefinition definition, StackLayout layout, JavaCommand java, List<String> javaOptions) {
        this.definition = definition;
        this.layout = layout;
        this.java = java;
        this.javaOptions = List.copyOf(javaOptions);
    }

    /** The environment the service is started with. */
    Map<String, String> environment() {
        return definition.environment();
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public String address() {
        return "http://localhost:" + definition.port() + definition.path();
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(definition.port(), definition.portOption()));
    }

    @Override
    public boolean isPrepared() throws IOException {
        Path execJar = locate();
        return AppImage.isUnpacked(execJar, layout.apps())
                && (!java.classDataSharing()
                        || Files.exists(AppImage.classDataArchive(
                                AppImage.appJar(execJar, layout.apps()), definition.module())));
    }

    /**
     * Unpacks the service's jar when it changed and, with class-data sharing on, gives it its archive through a
     * training run, so that neither costs anything at its next start or stop.
     */
    @Override
    public void prepare() throws Exception {
        // instances of one module (the hub cluster's) share its image: one prepares it, the others find it ready
        synchronized (PREPARING.computeIfAbsent(definition.module(), module -> new Object())) {
            prepareImage();
        }
    }

    private void prepareImage() throws Exception {
        Path appJar = AppImage.unpacked(locate(), layout.apps(), java.java());
        Path archive = AppImage.classDataArchive(appJar, definition.module());
        if (java.classDataSharing() && !Files.exists(archive)) {
            ClassDataTraining.run(
                    definition.module(),
                    java,
                    javaOptions,
                    archive,
                    appJar,
                    definition.environment(),
                    layout.home(),
                    layout.log(definition.module() + "-training"));
        }
    }

    @Override
    public Optional<ComponentProcess> start() throws Exception {
        Path appJar = AppImage.unpacked(locate(), layout.apps(), java.java());
        Path archive = AppImage.classDataArchive(appJar, definition.module());
        List<String> command = java.command(javaOptions, archive, List.of("-jar", appJar.toString()));
        return Optional.of(new ProcessSpec(
                        name(),
                        command,
                        definition.environment(),
                        layout.home(),
                        layout.log(name()),
                        "TERM",
                        java.stopGrace(archive))
                .start());
    }

    private Path locate() throws IOException {
        return AppImage.locate(layout.moduleTarget(definition.module()), definition.module());
    }

    @Override
    public void awaitReady(Readiness readiness) throws Exception {
        readiness.await(
                "healthy on http://127.0.0.1:" + definition.port() + "/actuator/health",
                () -> HttpHealth.up(definition.port()));
    }

    @Override
    public boolean isHealthy() throws Exception {
        return HttpHealth.up(definition.port());
    }

    /**
     * What distinguishes one service from another.
     *
     * @param module      its Maven module
     * @param port        its HTTP port
     * @param portOption  the {@code up} option that sets the port
     * @param path        the path shown after its address
     * @param environment its configuration
     * @param name        its component name: the module's, or with a number for a further instance of the module
     *                    (the hub cluster's {@code mercure-hub-2}); instances share the module's jar and archive
     */
    record ServiceDefinition(
            String module, int port, String portOption, String path, Map<String, String> environment, String name) {

        ServiceDefinition(String module, int port, String portOption, String path, Map<String, String> environment) {
            this(module, port, portOption, path, environment, module);
        }
    }
}
