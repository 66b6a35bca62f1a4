package org.sessionsdk.plesk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.plesk.internal.PacketExchange;

/**
 * Which XML API protocol version a packet goes out in, and which operations a panel's protocol lacks.
 *
 * <p>The SDK's packets are the same in every protocol from 1.6.6.0 (Plesk 12.0, where {@code session},
 * {@code event_log} and {@code secret_key} appeared) to {@value #NEWEST_KNOWN} (Obsidian). The panel's list
 * ({@code server/get_protos}) is asked at most once per client, lazily: when the panel refuses a packet as
 * an unknown operator (1014) or an unsupported version (1005), or when {@link PleskClient#protocols()} is
 * called. Once it is known:
 * <ul>
 *   <li>an operation the panel's newest protocol lacks is refused before it is sent, with a
 *       {@link PleskProtocolException} naming the version it needs;</li>
 *   <li>a packet goes out with no {@code version} (the panel's newest, as before) when that newest is one
 *       the SDK knows; a panel newer than the SDK is asked in the newest version both support, so a later
 *       change of the packets cannot surprise the parser;</li>
 *   <li>a pinned {@code packetVersion} the panel does not list, or one older than the operation, is
 *       refused the same way.</li>
 * </ul>
 * A pinned version older than an operation's first is refused without asking anything.
 */
final class PleskProtocols implements PacketExchange.Versioning {
    /** The newest protocol whose packets the SDK was written against. */
    static final String NEWEST_KNOWN = "1.6.9.1";
    /** The first protocol of each operator the SDK sends; an operator not named here is in every version. */
    private static final Map<String, String> SINCE = Map.of("session", "1.6.6.0", "event_log", "1.6.6.0",
            "secret_key", "1.6.6.0");
    private static final Comparator<String> BY_VERSION = PleskProtocols::compare;

    static final String GET_PROTOS = "server/get_protos";

    private final String pinned;
    private final Supplier<List<String>> ask;
    /** The panel's versions, oldest first, once asked; empty when the panel could not say. */
    private volatile List<String> known;

    PleskProtocols(String pinned, Supplier<List<String>> ask) {
        this.pinned = pinned;
        this.ask = ask;
    }

    /** {@return the first protocol with this operation ({@code session/get}), or null for every version} */
    static String since(String operation) {
        int slash = operation.indexOf('/');
        return SINCE.get(slash < 0 ? operation : operation.substring(0, slash));
    }

    /**
     * The {@code version} attribute for a packet of {@code operation}, or null for none.
     *
     * @throws PleskProtocolException if the panel's protocol (as known) or the pinned version lacks it
     */
    @Override
    public String versionFor(String operation) {
        if (operation.equals(GET_PROTOS)) {
            return null; // every panel has it: asked without a version, so a pinned one it lacks cannot fail it
        }
        String since = since(operation);
        if (pinned != null) {
            if (since != null && compare(pinned, since) < 0) {
                throw new PleskProtocolException(operation + " needs XML API protocol " + since + " or later (Plesk"
                        + " 12.0); the client pins packetVersion " + pinned + ": pin " + since + " or later, or none",
                        operation, since, known, null);
            }
            List<String> k = known;
            if (k != null && !k.isEmpty() && !k.contains(pinned)) {
                throw unsupportedPin(operation, k, null);
            }
            return pinned;
        }
        List<String> k = known;
        if (k == null || k.isEmpty()) {
            return null;
        }
        String newest = k.get(k.size() - 1);
        if (since != null && compare(newest, since) < 0) {
            throw lacks(operation, since, k, null);
        }
        if (compare(newest, NEWEST_KNOWN) <= 0) {
            return null; // the panel's newest is one the SDK knows: as before, no version
        }
        String best = null;
        for (String v : k) {
            if (compare(v, NEWEST_KNOWN) <= 0 && (since == null || compare(v, since) >= 0)) {
                best = v;
            }
        }
        return best;
    }

    /**
     * The panel's protocol versions, oldest first, asked once: a failed question is asked again next time,
     * unless the panel answered it for good (an error or an answer that is not a list), which
     * {@link #explain} then remembers as "cannot say".
     *
     * @return the versions, oldest first; empty when the panel could not say
     * @throws org.sessionsdk.core.error.SdkException when the question fails
     */
    List<String> supported() {
        List<String> k = known;
        if (k == null) {
            synchronized (this) {
                k = known;
                if (k == null) {
                    List<String> v = new ArrayList<>(ask.get());
                    v.sort(BY_VERSION);
                    k = List.copyOf(v);
                    known = k;
                }
            }
        }
        return k;
    }

    /**
     * What to throw for the panel's error 1014 or 1005 on {@code operation}: a {@link PleskProtocolException}
     * when the panel's versions explain it, else the panel's own error.
     */
    @Override
    public RuntimeException explain(String operation, ApiException panelError) {
        if (operation.equals(GET_PROTOS)) {
            return panelError;
        }
        String code = panelError.vendorCode().orElse("");
        if (!code.equals("1014") && !code.equals("1005")) {
            return panelError;
        }
        List<String> k;
        try {
            k = supported();
        } catch (RuntimeException askFailed) {
            panelError.addSuppressed(askFailed);
            if (askFailed instanceof ResponseFormatException
                    || askFailed instanceof ApiException a && !a.retryable() && !(a instanceof AuthenticationException)) {
                known = List.of(); // the panel (or a proxy in front of it) cannot say: do not ask again
            }
            return panelError;
        }
        if (k.isEmpty()) {
            return panelError;
        }
        if (pinned != null && !k.contains(pinned)) {
            return unsupportedPin(operation, k, panelError);
        }
        String since = since(operation);
        if (since != null && compare(k.get(k.size() - 1), since) < 0) {
            return lacks(operation, since, k, panelError);
        }
        return panelError;
    }

    private PleskProtocolException lacks(String operation, String since, List<String> k, Throwable cause) {
        return new PleskProtocolException(operation + " needs Plesk XML API protocol " + since + " or later (Plesk"
                + " 12.0); this panel supports " + range(k) + " (server/get_protos): upgrade the panel", operation,
                since, k, cause);
    }

    private PleskProtocolException unsupportedPin(String operation, List<String> k, Throwable cause) {
        return new PleskProtocolException(operation + " was sent as packetVersion " + pinned + ", which this panel"
                + " does not support; it supports " + range(k) + " (server/get_protos): pin one of those, or none",
                operation, pinned, k, cause);
    }

    private static String range(List<String> k) {
        return k.size() == 1 ? k.get(0) : k.get(0) + " to " + k.get(k.size() - 1);
    }

    /** Compares dotted versions number by number ({@code 1.6.10.0} after {@code 1.6.9.1}); text after digits is ignored. */
    static int compare(String a, String b) {
        String[] x = a.trim().split("\\.");
        String[] y = b.trim().split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(i < x.length ? number(x[i]) : 0, i < y.length ? number(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long number(String part) {
        int end = 0;
        while (end < part.length() && end < 18 && Character.isDigit(part.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Long.parseLong(part.substring(0, end));
    }
}
