package org.sessionsdk.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.error.TransportException.Kind;
import org.sessionsdk.core.http.TransportTimeoutException;

/** Maps I/O failures to {@link TransportException}s that say what happened, without secrets. */
public final class TransportErrors {
    private TransportErrors() {
    }

    /**
     * A failure while sending a request to {@code uri} and waiting for its headers. A connection
     * that could not be made names the host and port and why: refused, unknown host, unreachable,
     * no answer in time, or which part of the TLS handshake failed.
     */
    public static TransportException whileSending(String what, URI uri, IOException e) {
        Kind kind;
        if (e instanceof TransportTimeoutException t) {
            kind = t.kind();
        } else if (e instanceof HttpConnectTimeoutException) {
            kind = Kind.CONNECT_TIMEOUT;
        } else if (e instanceof HttpTimeoutException) {
            kind = Kind.RESPONSE_TIMEOUT;
        } else if (e instanceof ConnectException || e instanceof UnknownHostException
                || e instanceof SSLException) {
            kind = Kind.CONNECT;
        } else if (e instanceof InterruptedIOException) {
            kind = Kind.INTERRUPTED;
        } else {
            kind = Kind.IO;
        }
        String why = kind == Kind.CONNECT || kind == Kind.CONNECT_TIMEOUT ? connectFailure(uri, e) : describe(e);
        return new TransportException(kind, what + ": " + why, e);
    }

    /** A failure while reading a response body. */
    public static TransportException whileReading(String what, IOException e) {
        if (e instanceof DeadlineBody.Exceeded) {
            return new TransportException(Kind.CALL_TIMEOUT, what + ": " + e.getMessage(), e);
        }
        Kind kind = e instanceof TransportTimeoutException t ? t.kind()
                : e instanceof HttpTimeoutException ? Kind.READ_TIMEOUT
                : e instanceof InterruptedIOException ? Kind.INTERRUPTED : Kind.IO;
        return new TransportException(kind, what + ": " + describe(e), e);
    }

    public static TransportException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return cancelled(what, e);
    }

    /**
     * An asynchronous call that was cancelled: the same kind as an interrupt, without touching the
     * interrupt flag of whichever pool thread notices it.
     */
    public static TransportException cancelled(String what, Throwable e) {
        return new TransportException(Kind.INTERRUPTED, what + ": interrupted", e);
    }

    /** Whether the request provably never left this machine, so even a write may be sent again. */
    public static boolean notSent(TransportException e) {
        return e.kind() == Kind.CONNECT || e.kind() == Kind.CONNECT_TIMEOUT;
    }

    /** Why no connection to {@code uri}'s host and port could be made, in words a person can act on. */
    static String connectFailure(URI uri, IOException e) {
        String host = uri.getHost();
        String at = host + ":" + port(uri);
        if (e instanceof HttpConnectTimeoutException || isConnectTimeout(e)) {
            return "no connection to " + at + " within the connect timeout (the host is unreachable or a firewall "
                    + "drops the packets; or, for https, the TLS handshake got no answer)";
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return "TLS handshake with " + at + " failed: " + tlsReason(uri, tls);
        }
        if (find(e, UnresolvedAddressException.class) != null || find(e, UnknownHostException.class) != null) {
            return "cannot connect to " + at + ": unknown host (" + host + " does not resolve)";
        }
        if (find(e, NoRouteToHostException.class) != null || mentions(e, "no route to host")
                || mentions(e, "network is unreachable")) {
            return "cannot connect to " + at + ": host unreachable (no route to " + host + ")";
        }
        if (find(e, ClosedChannelException.class) != null || mentions(e, "connection refused")) {
            return "cannot connect to " + at + ": connection refused (nothing listens on that port, or a firewall rejects it)";
        }
        return "cannot connect to " + at + ": " + chain(e);
    }

    private static boolean isConnectTimeout(IOException e) {
        return e instanceof TransportTimeoutException t && t.kind() == Kind.CONNECT_TIMEOUT;
    }

    private static String tlsReason(URI uri, SSLException e) {
        String m = chain(e).toLowerCase(Locale.ROOT);
        if (m.contains("plain http") || m.contains("unrecognized ssl message") || m.contains("plaintext")) {
            return "the server answers plain HTTP, not TLS: use http://" + uri.getRawAuthority()
                    + " or the server's TLS port";
        }
        if (m.contains("pkix") || m.contains("certification path") || m.contains("certificate_unknown")) {
            return "the server's certificate is not trusted (self-signed or from an unknown CA): trust it with "
                    + "trustPem(...) or trustStore(...) on the client builder";
        }
        if (m.contains("subject alternative") || m.contains("no name matching") || m.contains("hostname")) {
            return "the server's certificate does not name " + uri.getHost();
        }
        if (m.contains("expired") || m.contains("not yet valid")) {
            return "the server's certificate is expired or not yet valid";
        }
        if (m.contains("protocol_version") || m.contains("no appropriate protocol") || m.contains("handshake_failure")) {
            return "no TLS version or cipher suite in common with the server (" + chain(e) + ")";
        }
        if (m.contains("terminated the handshake")) {
            return "the server closed the connection during the handshake (is it a TLS port?)";
        }
        return chain(e);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean mentions(Throwable e, String text) {
        return chain(e).toLowerCase(Locale.ROOT).contains(text);
    }

    /** The messages along the cause chain; the JDK often leaves the outer one null. */
    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 500; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank() && sb.indexOf(t.getMessage()) < 0) {
                if (sb.length() > 0) {
                    sb.append(": ");
                }
                sb.append(t.getMessage());
            }
        }
        return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        String name = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? name : name + " (" + m + ")";
    }
}
