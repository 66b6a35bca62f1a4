package org.sessionsdk.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves test parameters of a simulator type ({@code PleskSimulator}, ...) or of an SDK client
 * type ({@code PleskClient}, ...): the simulator is started once per test class (or per test method,
 * with {@link SessionSimulators#per()}), the client is built by {@code simulator.client()}; both are
 * closed when their scope ends. After every test, faults queued and not used are cleared. Use it
 * through {@link SessionSimulators}.
 *
 * <p>Simulator and client types are matched through the {@link SimulatorProvider}s on the class path
 * ({@link Simulators}), so a vendor module's simulator needs nothing here.
 */
public final class SimulatorExtension implements ParameterResolver, AfterEachCallback {
    /** For JUnit, which makes extensions by reflection ({@code @ExtendWith}, {@link SessionSimulators}). */
    public SimulatorExtension() {
    }

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SimulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> type = p.getParameter().getType();
        return Simulators.forType(type).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> type = p.getParameter().getType();
        ExtensionContext scope = scope(ctx);
        ExtensionContext.Store store = scope.getStore(NS);
        SimulatorProvider<?> provider = Simulators.forType(type).orElseThrow(
                () -> new ParameterResolutionException("no simulator provider for " + type.getName()));
        Simulator sim = simulator(provider, scope, ctx);
        if (type.isInstance(sim)) {
            return sim;
        }
        Closing client = store.getOrComputeIfAbsent(type.getName() + "#client", k -> new Closing(sim.client()),
                Closing.class);
        return client.value;
    }

    private static Simulator simulator(SimulatorProvider<?> provider, ExtensionContext scope, ExtensionContext ctx) {
        Closing c = scope.getStore(NS).getOrComputeIfAbsent(provider.simulatorType().getName(), k -> {
            Simulator s = provider.start();
            ctx.getTestClass().map(t -> t.getAnnotation(SessionSimulators.class)).ifPresent(a -> configure(s, a));
            started(scope).add(s);
            return new Closing(s);
        }, Closing.class);
        return (Simulator) c.value;
    }

    /** Clears the faults a test queued and did not use, on every simulator it could reach. */
    @Override
    public void afterEach(ExtensionContext ctx) {
        for (ExtensionContext scope : List.of(ctx, classContext(ctx))) {
            for (Simulator s : started(scope)) {
                s.faults().clear();
            }
        }
    }

    /** The simulators started in one scope (a class or a test method); closing them is the scope's job. */
    private static List<Simulator> started(ExtensionContext scope) {
        @SuppressWarnings("unchecked")
        List<Simulator> list = scope.getStore(NS).getOrComputeIfAbsent("#started",
                k -> new CopyOnWriteArrayList<Simulator>(), List.class);
        return list;
    }

    /** Where this test's simulators live: the class, or with {@code per = METHOD} the test method. */
    private static ExtensionContext scope(ExtensionContext ctx) {
        boolean perMethod = ctx.getTestClass().map(t -> t.getAnnotation(SessionSimulators.class))
                .map(a -> a.per() == SessionSimulators.Scope.METHOD).orElse(false);
        return perMethod && ctx.getTestMethod().isPresent() ? ctx : classContext(ctx);
    }

    private static void configure(Simulator s, SessionSimulators a) {
        s.withSeed(a.seed());
        if (a.sessions() >= 0) {
            s.withSessions(a.sessions());
        }
    }

    private static ExtensionContext classContext(ExtensionContext ctx) {
        ExtensionContext c = ctx;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Closes what it holds when JUnit closes the class's store. */
    private static final class Closing implements ExtensionContext.Store.CloseableResource {
        final Object value;

        Closing(Object value) {
            this.value = value;
        }

        @Override
        public void close() throws Exception {
            ((AutoCloseable) value).close();
        }
    }
}
