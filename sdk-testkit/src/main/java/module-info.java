/**
 * Vendor simulators for integration tests: real HTTP servers on the loopback interface that speak
 * the Plesk, Ekran System, SAYMON and senhasegura APIs, and a JUnit 5 extension that starts them.
 *
 * <p>It reads every vendor module transitively, so a test that requires this module can build a client
 * of each vendor. JUnit is needed only for {@code SimulatorExtension}: tests that use it have it.
 */
module org.sessionsdk.testkit {
    requires transitive org.sessionsdk.plesk;
    requires transitive org.sessionsdk.ekran;
    requires transitive org.sessionsdk.saymon;
    requires transitive org.sessionsdk.senhasegura;
    requires jdk.httpserver;
    requires java.xml;
    requires com.fasterxml.jackson.core;
    requires static org.junit.jupiter.api;

    exports org.sessionsdk.testkit;

    uses org.sessionsdk.testkit.SimulatorProvider;
    provides org.sessionsdk.testkit.SimulatorProvider with org.sessionsdk.testkit.BuiltInSimulators.Ekran,
            org.sessionsdk.testkit.BuiltInSimulators.Plesk, org.sessionsdk.testkit.BuiltInSimulators.Saymon,
            org.sessionsdk.testkit.BuiltInSimulators.Senhasegura;
}
