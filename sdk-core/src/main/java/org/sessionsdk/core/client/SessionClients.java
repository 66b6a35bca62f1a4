package org.sessionsdk.core.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.sessionsdk.core.config.ClientBuilder;

/**
 * The vendor-neutral entry point: the vendors on the class or module path and a client of any of them
 * from plain-text settings.
 *
 * <pre>{@code
 * try (SessionClient c = SessionClients.open("ekran", Map.of("endpoint", url, "api.key", key))) {
 *     c.sessionRecords(TimeRange.last(Duration.ofDays(1))).forEach(System.out::println);
 * }
 * }</pre>
 */
public final class SessionClients {
    private SessionClients() {
    }

    /**
     * {@return every vendor provider found, sorted by name}; looked up through the context class loader
     * (which a plugin host such as Kafka Connect sets to the plugin's) and this module's own
     */
    public static List<VendorProvider> providers() {
        Map<String, VendorProvider> byName = new java.util.TreeMap<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            ServiceLoader.load(VendorProvider.class, context).forEach(p -> byName.putIfAbsent(p.name(), p));
        }
        ServiceLoader.load(VendorProvider.class, SessionClients.class.getClassLoader())
                .forEach(p -> byName.putIfAbsent(p.name(), p));
        if (SessionClients.class.getModule().isNamed()) {
            ServiceLoader.load(SessionClients.class.getModule().getLayer() == null ? ModuleLayer.boot()
                    : SessionClients.class.getModule().getLayer(), VendorProvider.class)
                    .forEach(p -> byName.putIfAbsent(p.name(), p));
        }
        List<VendorProvider> out = new ArrayList<>(byName.values());
        out.sort(Comparator.comparing(VendorProvider::name));
        return List.copyOf(out);
    }

    /** {@return the names of the vendors found, sorted} */
    public static List<String> names() {
        return providers().stream().map(VendorProvider::name).collect(Collectors.toList());
    }

    /**
     * {@return its provider, if on the path}
     *
     * @param vendor a vendor's name, any case
     */
    public static Optional<VendorProvider> find(String vendor) {
        String name = vendor == null ? "" : vendor.trim().toLowerCase(Locale.ROOT);
        return providers().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * {@return its provider}
     *
     * @param vendor a vendor's name, any case
     * @throws IllegalArgumentException naming the vendors there are, if none has this name
     */
    public static VendorProvider provider(String vendor) {
        return find(vendor).orElseThrow(() -> new IllegalArgumentException("unknown vendor " + vendor
                + "; the vendors on the class path are " + String.join(", ", names())));
    }

    /**
     * Opens a client of one server.
     *
     * @param vendor   a vendor's name, any case
     * @param settings the vendor's settings by key ({@link VendorProvider#settings()})
     * @return the client; close it
     * @throws IllegalArgumentException if no vendor has this name
     * @throws InvalidSettingsException naming each key that is unknown, missing or invalid
     */
    public static SessionClient open(String vendor, Map<String, String> settings) {
        return provider(vendor).open(settings);
    }

    /**
     * Opens a client of one server, with what plain text cannot carry applied to the vendor's builder.
     *
     * @param vendor    a vendor's name, any case
     * @param settings  the vendor's settings by key
     * @param customize applied to the builder after the settings (a shared transport, a clock, listeners)
     * @return the client; close it
     * @throws IllegalArgumentException if no vendor has this name
     * @throws InvalidSettingsException naming each key that is unknown, missing or invalid
     */
    public static SessionClient open(String vendor, Map<String, String> settings, Consumer<ClientBuilder<?>> customize) {
        VendorProvider p = provider(vendor);
        return p.open(p.check(settings), customize);
    }
}
