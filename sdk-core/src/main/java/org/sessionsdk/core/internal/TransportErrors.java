package org.sessionsdk.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import javax.net.ssl.SSLException;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.error.TransportException.Kind;

/** Maps I/O failures to {@link TransportException}s that say what happened, without secrets. */
public final class TransportErrors {
    private TransportErrors() {
    }

    /** A failure while sending a request and waiting for its headers. */
    public static TransportException whileSending(String what, IOException e) {
        Kind kind;
        if (e instanceof HttpConnectTimeoutException) {
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
        return new TransportException(kind, what + ": " + describe(e), e);
    }

    /** A failure while reading a response body. */
    public static TransportException whileReading(String what, IOException e) {
        Kind kind = e instanceof HttpTimeoutException ? Kind.READ_TIMEOUT
                : e instanceof InterruptedIOException ? Kind.INTERRUPTED : Kind.IO;
        return new TransportException(kind, what + ": " + describe(e), e);
    }

    public static TransportException interrupted(String what, InterruptedException e) {
        Thread.currentThread().interrupt();
        return new TransportException(Kind.INTERRUPTED, what + ": interrupted", e);
    }

    /** Whether the request provably never left this machine, so even a write may be sent again. */
    public static boolean notSent(TransportException e) {
        return e.kind() == Kind.CONNECT || e.kind() == Kind.CONNECT_TIMEOUT;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        String name = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? name : name + " (" + m + ")";
    }
}
