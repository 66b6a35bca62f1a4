package org.sessionsdk.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Finds the {@link SimulatorProvider}s on the class or module path, as {@code SessionClients} finds vendors. */
public final class Simulators {
    private Simulators() {
    }

    /** {@return every simulator provider found, sorted by vendor} */
    public static List<SimulatorProvider<?>> all() {
        Map<String, SimulatorProvider<?>> byVendor = new TreeMap<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            load(ServiceLoader.load(SimulatorProvider.class, context), byVendor);
        }
        load(ServiceLoader.load(SimulatorProvider.class, Simulators.class.getClassLoader()), byVendor);
        if (Simulators.class.getModule().isNamed() && Simulators.class.getModule().getLayer() != null) {
            load(ServiceLoader.load(Simulators.class.getModule().getLayer(), SimulatorProvider.class), byVendor);
        }
        List<SimulatorProvider<?>> out = new ArrayList<>(byVendor.values());
        out.sort(Comparator.comparing(SimulatorProvider::vendor));
        return List.copyOf(out);
    }

    @SuppressWarnings("rawtypes")
    private static void load(ServiceLoader<SimulatorProvider> loader, Map<String, SimulatorProvider<?>> into) {
        for (SimulatorProvider<?> p : loader) {
            into.putIfAbsent(p.vendor(), p);
        }
    }

    /**
     * {@return its simulator, if one is on the path}
     *
     * @param vendor a vendor's name, any case
     */
    public static Optional<SimulatorProvider<?>> forVendor(String vendor) {
        String name = vendor == null ? "" : vendor.trim().toLowerCase(Locale.ROOT);
        return all().stream().filter(p -> p.vendor().equals(name)).findFirst();
    }

    /**
     * {@return the provider whose simulator or client it is}
     *
     * @param type a simulator type or an SDK client type
     */
    public static Optional<SimulatorProvider<?>> forType(Class<?> type) {
        return all().stream().filter(p -> p.simulatorType() == type || p.clientType() == type).findFirst();
    }
}
