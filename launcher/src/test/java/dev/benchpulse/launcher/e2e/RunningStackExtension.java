package dev.benchpulse.launcher.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives end-to-end tests the real local stack: started on free ports the way {@code ./benchpulse up} starts it,
 * once per test JVM however many test classes use it, and stopped after the last one (checking that no process is
 * left). Test methods and {@code @BeforeAll} methods take a {@link RunningStack} parameter.
 *
 * <pre>{@code
 * @ExtendWith(RunningStackExtension.class)
 * class SomethingEndToEndIntegrationTests {
 *     @Test
 *     void works(RunningStack stack) throws Exception {
 *         try (HubSubscription hub = HubSubscription.open(stack.gatewayUrl(), RunTopics.TEMPLATE)) {
 *             RunningStack.CliRun run = stack.cli("run", "str-contains", "-r", "php", "-n", "5");
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 * {@link RunBenchmarkEndToEndIntegrationTests} is the example.
 */
public final class RunningStackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RunningStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return stack(context);
    }

    private static RunningStack stack(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent(RunningStack.class, type -> RunningStack.start(), RunningStack.class);
    }
}
