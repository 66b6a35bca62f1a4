package org.sessionsdk.testkit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves test parameters of a simulator type ({@code PleskSimulator}, ...) or of an SDK client
 * type ({@code PleskClient}, ...): the simulator is started once per test class, the client is
 * built by {@code simulator.client()}; both are closed after the class. Use it through
 * {@link SessionSimulators}.
 *
 * <p>A client type {@code XxxClient} is served by {@code org.sessionsdk.testkit.XxxSimulator}.
 */
public final class SimulatorExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(SimulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> type = p.getParameter().getType();
        return Simulator.class.isAssignableFrom(type) || simulatorFor(type) != null;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        Class<?> type = p.getParameter().getType();
        ExtensionContext.Store store = classContext(ctx).getStore(NS);
        if (Simulator.class.isAssignableFrom(type)) {
            return simulator(type, store, ctx);
        }
        Simulator sim = simulator(simulatorFor(type), store, ctx);
        Closing client = store.getOrComputeIfAbsent(type.getName() + "#client",
                k -> new Closing((AutoCloseable) invoke(sim, "client")), Closing.class);
        return client.value;
    }

    private static Simulator simulator(Class<?> type, ExtensionContext.Store store, ExtensionContext ctx) {
        Closing c = store.getOrComputeIfAbsent(type.getName(), k -> {
            Simulator s = (Simulator) invokeStatic(type, "start");
            ctx.getTestClass().map(t -> t.getAnnotation(SessionSimulators.class)).ifPresent(a -> configure(s, a));
            return new Closing(s);
        }, Closing.class);
        return (Simulator) c.value;
    }

    private static void configure(Simulator s, SessionSimulators a) {
        try {
            s.getClass().getMethod("withSeed", long.class).invoke(s, a.seed());
            if (a.sessions() >= 0) {
                s.getClass().getMethod("withSessions", int.class).invoke(s, a.sessions());
            }
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new ParameterResolutionException("cannot configure " + s.getClass().getSimpleName(), e);
        }
    }

    private static Class<?> simulatorFor(Class<?> clientType) {
        String name = clientType.getSimpleName();
        if (!name.endsWith("Client")) {
            return null;
        }
        try {
            Class<?> c = Class.forName(SimulatorExtension.class.getPackageName() + "."
                    + name.substring(0, name.length() - "Client".length()) + "Simulator");
            return Simulator.class.isAssignableFrom(c) ? c : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static ExtensionContext classContext(ExtensionContext ctx) {
        ExtensionContext c = ctx;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    private static Object invokeStatic(Class<?> type, String method) {
        try {
            return type.getMethod(method).invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new ParameterResolutionException("cannot call " + type.getSimpleName() + "." + method + "()", e);
        }
    }

    private static Object invoke(Object target, String method) {
        try {
            Method m = target.getClass().getMethod(method);
            return m.invoke(target);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new ParameterResolutionException("cannot call " + target.getClass().getSimpleName() + "." + method + "()", e);
        }
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
