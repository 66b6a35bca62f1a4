package org.sessionsdk.testkit;

import java.util.Map;
import org.sessionsdk.core.client.SessionClient;

/**
 * A vendor's simulator for code that does not know the vendor: the JUnit extension, {@code sessions demo}
 * and {@code sessions simulate}. Registered through {@link java.util.ServiceLoader} like the SDK's
 * {@link org.sessionsdk.core.client.VendorProvider}, so a vendor module's simulator on the class path is
 * all those front ends need. {@link Simulators} finds them.
 *
 * @param <S> the simulator type
 */
public interface SimulatorProvider<S extends Simulator> {

    /** {@return the vendor's name, as its {@code VendorProvider} says it} */
    String vendor();

    /** {@return the simulator's type} */
    Class<S> simulatorType();

    /** {@return the type of the SDK client {@link Simulator#client()} returns} */
    Class<? extends SessionClient> clientType();

    /** {@return a started simulator with its default data, on 127.0.0.1 and an ephemeral port; close it} */
    S start();

    /**
     * A started simulator on an address of the caller's choosing.
     *
     * @param address where to listen; port 0 for an ephemeral one
     * @return the simulator; close it
     */
    S start(java.net.InetSocketAddress address);

    /**
     * {@return what a test harness outside the JVM needs to sign in, as the vendor's documentation names
     * it (e.g. {@code secretKey}; {@code login} and {@code password}), in a fixed order}
     *
     * @param simulator a simulator of this provider
     */
    Map<String, String> credentials(S simulator);

    /**
     * Sets how many entries the simulator's numbered audit log holds, where it has one.
     *
     * @param simulator a simulator of this provider
     * @param entries   how many
     */
    default void numberedAuditEntries(S simulator, long entries) {
    }

    /**
     * {@return the vendor's settings (as its {@code VendorProvider} declares them) that reach this
     * simulator and sign in: endpoint, credentials, server zone}
     *
     * @param simulator a simulator of this provider
     */
    Map<String, String> settings(S simulator);

    /**
     * {@link #settings} of a simulator known only as a {@link Simulator}.
     *
     * @param simulator a simulator of {@link #simulatorType()}
     * @return its settings
     */
    default Map<String, String> settingsOf(Simulator simulator) {
        return settings(simulatorType().cast(simulator));
    }

    /**
     * {@link #credentials} of a simulator known only as a {@link Simulator}.
     *
     * @param simulator a simulator of {@link #simulatorType()}
     * @return its credentials
     */
    default Map<String, String> credentialsOf(Simulator simulator) {
        return credentials(simulatorType().cast(simulator));
    }

    /**
     * {@link #numberedAuditEntries} on a simulator known only as a {@link Simulator}.
     *
     * @param simulator a simulator of {@link #simulatorType()}
     * @param entries   how many
     */
    default void numberedAuditEntriesOf(Simulator simulator, long entries) {
        numberedAuditEntries(simulatorType().cast(simulator), entries);
    }
}
