package org.sessionsdk.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.VendorProvider;
import org.sessionsdk.testkit.Simulator;
import org.sessionsdk.testkit.Simulators;

/** A simulator as the {@code sessionsdk.servers.<name>.*} properties a user would write for it. */
final class ServerProperties {
    private ServerProperties() {
    }

    /**
     * @param name the server's name
     * @param sim  a started simulator
     * @return its vendor and the settings that reach it, as properties
     */
    static Map<String, String> of(String name, Simulator sim) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("sessionsdk.servers." + name + ".vendor", sim.vendor());
        settings(sim).forEach((k, v) -> out.put(ServerDeclarations.property(name, k), v));
        return out;
    }

    /** {@return the settings that reach a simulator and sign in} */
    static Map<String, String> settings(Simulator sim) {
        return Simulators.forVendor(sim.vendor()).orElseThrow().settingsOf(sim);
    }

    /** {@return the key of the secret the simulator's settings sign in with} */
    static String secretKey(Simulator sim) {
        VendorProvider p = SessionClients.provider(sim.vendor());
        boolean withLogin = p.loginSetting().map(settings(sim)::containsKey).orElse(false);
        return p.secretSetting(withLogin);
    }
}
