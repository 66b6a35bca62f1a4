package org.sessionsdk.spring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sessionsdk.core.client.InvalidSettingsException;
import org.sessionsdk.core.client.SessionClient;
import org.sessionsdk.core.client.SessionClients;
import org.sessionsdk.core.client.Settings;
import org.sessionsdk.core.client.VendorProvider;
import org.sessionsdk.core.http.HttpTransport;

/**
 * Every server declared under {@code sessionsdk.servers}, opened once at start: the one place that owns
 * their clients (each is also a {@code SessionClient} bean named after its server, for injection by
 * name) and what their calls showed ({@link #state}). Opening all of them up front means a wrong
 * property fails the application's start, naming the property, instead of the first call an hour later.
 */
public final class SessionServers implements AutoCloseable {
    private final Map<String, SessionClient> clients;
    private final Map<String, ServerState> states;

    SessionServers(Map<String, ServerDeclarations.Declared> declared, HttpTransport shared,
                   List<SessionClientCustomizer> customizers, Clock clock) {
        Map<String, SessionClient> opened = new LinkedHashMap<>();
        Map<String, ServerState> watched = new LinkedHashMap<>();
        try {
            declared.forEach((name, server) -> {
                ServerState state = new ServerState(clock);
                opened.put(name, open(name, server, shared, customizers, state));
                watched.put(name, state);
            });
        } catch (RuntimeException e) {
            opened.values().forEach(SessionClient::close);
            throw e;
        }
        this.clients = java.util.Collections.unmodifiableMap(opened);
        this.states = java.util.Collections.unmodifiableMap(watched);
    }

    private static SessionClient open(String name, ServerDeclarations.Declared server, HttpTransport shared,
                                      List<SessionClientCustomizer> customizers, ServerState state) {
        if (server.vendor() == null || server.vendor().isBlank()) {
            throw new IllegalStateException(ServerDeclarations.PREFIX + "." + name + ".vendor is required: one of "
                    + String.join(", ", SessionClients.names()));
        }
        VendorProvider provider = SessionClients.find(server.vendor()).orElseThrow(() -> new IllegalStateException(
                ServerDeclarations.PREFIX + "." + name + ".vendor: no vendor module named " + server.vendor()
                        + " is on the class path; there are " + String.join(", ", SessionClients.names())));
        Settings settings;
        try {
            settings = provider.check(server.settings());
        } catch (InvalidSettingsException e) {
            throw byProperty(name, provider, e);
        }
        boolean ownConnections = server.settings().keySet().stream()
                .anyMatch(k -> k.startsWith("tls.") || k.equals("connect.timeout"));
        try {
            return provider.open(settings, b -> {
                if (!ownConnections) {
                    b.transport(shared); // TLS trust and the connect timeout live in a transport: those servers keep their own
                }
                b.listener(state);
                customizers.forEach(c -> c.customize(name, b));
            });
        } catch (InvalidSettingsException e) { // valid one by one, not together (a key or a login, say)
            throw byProperty(name, provider, e);
        }
    }

    /** The vendor's problems under the properties the user wrote. */
    private static IllegalStateException byProperty(String name, VendorProvider provider, InvalidSettingsException e) {
        Map<String, String> byProperty = new TreeMap<>();
        e.problems().forEach((key, problem) -> byProperty.put(ServerDeclarations.property(name, key), problem));
        StringBuilder text = new StringBuilder("server " + name + " (" + provider.name() + "):");
        byProperty.forEach((property, problem) -> text.append("\n  ").append(property).append(": ").append(problem));
        return new IllegalStateException(text.toString(), e);
    }

    /** {@return the servers' names, sorted} */
    public Set<String> names() {
        return clients.keySet();
    }

    /**
     * One server's client.
     *
     * @param server a server's name under {@code sessionsdk.servers}
     * @return its client; the application must not close it (the context does)
     * @throws IllegalArgumentException naming the servers there are, if none has this name
     */
    public SessionClient client(String server) {
        SessionClient c = clients.get(server);
        if (c == null) {
            throw new IllegalArgumentException("no server " + server + " under " + ServerDeclarations.PREFIX
                    + "; there are " + String.join(", ", clients.keySet()));
        }
        return c;
    }

    /**
     * What one server's calls showed, for its health.
     *
     * @param server a server's name
     * @return what its calls showed so far
     * @throws IllegalArgumentException if there is no such server
     */
    public ServerState state(String server) {
        client(server);
        return states.get(server);
    }

    /** Closes every client; the shared transport is its own bean. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (SessionClient c : clients.values()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
