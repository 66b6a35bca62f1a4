package org.sessionsdk.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What kind of panel {@link PleskSimulator} plays: which XML API protocol versions it supports
 * ({@code server/get_protos}; an older panel lacks the operators that came later and refuses packets in
 * versions it does not have), and which logins are resellers or customers (the {@code session} and
 * {@code event_log} operators are the administrator's only: anyone else gets error 1006 for them).
 *
 * <p>Only once an older panel is played ({@link PleskSimulator#withProtocols}) are packets checked against
 * its versions; the default panel answers any packet, in the version it asked for, as before.
 *
 * <p>Plesk answers an operator its protocol lacks as a schema violation of the whole packet (system error
 * 1014) and a packet version it does not support with system error 1005; both texts are written in German
 * here, since a panel answers in its own language and a client must not read them.
 */
final class PleskPanelProfile {
    /** The versions a current (Obsidian) panel lists, oldest first. */
    static final List<String> ALL = List.of("1.6.3.0", "1.6.3.1", "1.6.3.2", "1.6.3.3", "1.6.3.4", "1.6.3.5",
            "1.6.4.0", "1.6.5.0", "1.6.6.0", "1.6.7.0", "1.6.8.0", "1.6.9.0", "1.6.9.1");
    /** The first protocol of each operator the simulator serves; the others are in every version. */
    private static final Map<String, String> SINCE = Map.of("session", "1.6.6.0", "event_log", "1.6.6.0",
            "secret_key", "1.6.6.0");

    private volatile List<String> protos = ALL;
    /**
     * Whether packets are checked against the versions: only once an older panel is played. A current
     * panel answers any packet as before, in the version it asks for, so tests of the wire stay as they
     * were.
     */
    private volatile boolean strict;
    private final Map<String, String> roles = new ConcurrentHashMap<>();

    /** Plays a panel whose newest protocol is {@code newest}: it lists the versions up to it. */
    void newest(String newest) {
        List<String> upTo = ALL.stream().filter(v -> compare(v, newest) <= 0).toList();
        if (upTo.isEmpty()) {
            throw new IllegalArgumentException("no protocol at or before " + newest + " (the oldest is " + ALL.get(0) + ")");
        }
        protos = upTo;
        strict = true;
    }

    List<String> protocols() {
        return protos;
    }

    String newest() {
        return protos.get(protos.size() - 1);
    }

    void role(String login, String role) {
        roles.put(login, role);
    }

    /** {@return {@code admin}, {@code reseller} or {@code customer}} */
    String roleOf(String login) {
        return login == null ? "admin" : roles.getOrDefault(login, "admin");
    }

    /** {@code <protos>} of the {@code get_protos} result. */
    String protosXml() {
        StringBuilder sb = new StringBuilder("<protos>");
        protos.forEach(v -> sb.append("<proto>").append(v).append("</proto>"));
        return sb.append("</protos>").toString();
    }

    /**
     * Why the panel refuses the whole packet before running it, as {@code [errcode, errtext]}, or null: a
     * {@code version} it does not support (1005), or an operator its newest protocol lacks (1014).
     *
     * @param version   the packet's {@code version} attribute, or null when it has none
     * @param operators the packet's operators
     */
    String[] refusal(String version, List<String> operators) {
        if (!strict) {
            return null;
        }
        if (version != null && !protos.contains(version)) {
            return new String[] {"1005", "Nicht unterstützte Protokollversion: " + version};
        }
        String speaks = version != null ? version : newest();
        for (String operator : operators) {
            String since = SINCE.get(operator);
            if (since != null && compare(speaks, since) < 0) {
                return new String[] {"1014", "Parserfehler: unbekannter Operator " + operator};
            }
        }
        return null;
    }

    /** The {@code version} attribute of a request packet's root, or null when it has none (or is no packet). */
    static String versionAttribute(byte[] body) {
        try {
            javax.xml.stream.XMLStreamReader r = org.sessionsdk.core.internal.xml.SecureXml.inputFactory()
                    .createXMLStreamReader(new java.io.ByteArrayInputStream(body));
            while (r.hasNext() && r.next() != javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            return r.getAttributeValue(null, "version");
        } catch (javax.xml.stream.XMLStreamException | IllegalStateException e) {
            return null;
        }
    }

    /** Whether {@code operation} ({@code session/get}) is the administrator's only. */
    static boolean adminOnly(String operation) {
        return operation.startsWith("session/") || operation.startsWith("event_log/");
    }

    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
