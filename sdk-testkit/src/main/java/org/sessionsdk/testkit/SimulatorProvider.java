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

    /** {@return the type of the SDK client {@link #client} returns} */
    Class<? extends SessionClient> clientType();

    /** {@return a started simulator with its default data; close it} */
    S start();

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
}
