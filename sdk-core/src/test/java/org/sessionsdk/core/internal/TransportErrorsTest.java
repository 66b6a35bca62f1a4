package org.sessionsdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.error.TransportException;
import org.sessionsdk.core.http.TransportTimeoutException;

/**
 * The words for each way a connection fails, from the exceptions the JDK client throws (whose
 * outer messages are often null). Unknown hosts and unreachable networks are built here rather than
 * provoked: a test must not send DNS queries or packets off this machine.
 */
class TransportErrorsTest {
    static final URI PANEL = URI.create("https://panel.example.com:8443/enterprise/control/agent.php");

    private static ConnectException connect(Throwable cause) {
        ConnectException e = new ConnectException();
        e.initCause(cause);
        return e;
    }

    @Test
    void unknownHost() {
        TransportException e = TransportErrors.whileSending("POST /enterprise/control/agent.php", PANEL,
                connect(new UnresolvedAddressException()));
        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT);
        assertThat(e.getMessage()).isEqualTo("CONNECT: POST /enterprise/control/agent.php: cannot connect to "
                + "panel.example.com:8443: unknown host (panel.example.com does not resolve)");
    }

    @Test
    void unreachable() {
        TransportException e = TransportErrors.whileSending("GET /x", PANEL, connect(new NoRouteToHostException("No route to host")));
        assertThat(e.getMessage()).contains("panel.example.com:8443: host unreachable");
    }

    @Test
    void connectTimeoutAndDefaultPorts() {
        TransportException e = TransportErrors.whileSending("GET /x", URI.create("https://pam.example.com/api"),
                new HttpConnectTimeoutException("HTTP connect timed out"));
        assertThat(e.kind()).isEqualTo(TransportException.Kind.CONNECT_TIMEOUT);
        assertThat(e.getMessage()).contains("no connection to pam.example.com:443 within the connect timeout");
        assertThat(TransportErrors.whileSending("GET /x", URI.create("http://pam.example.com"),
                connect(new java.nio.channels.ClosedChannelException())).getMessage())
                .contains("pam.example.com:80: connection refused");
    }

    /** A transport not built on java.net.http reports timeouts with the SPI's own type. */
    @Test
    void sdkTimeoutsFromAnyTransport() {
        TransportException connect = TransportErrors.whileSending("GET /x", URI.create("https://pam.example.com/api"),
                new TransportTimeoutException(TransportException.Kind.CONNECT_TIMEOUT, "connect timed out", null));
        assertThat(connect.kind()).isEqualTo(TransportException.Kind.CONNECT_TIMEOUT);
        assertThat(connect.getMessage()).contains("no connection to pam.example.com:443 within the connect timeout");
        assertThat(TransportErrors.notSent(connect)).isTrue();
        assertThat(TransportErrors.whileSending("GET /x", PANEL, new TransportTimeoutException(
                TransportException.Kind.RESPONSE_TIMEOUT, "request timed out", null)).kind())
                .isEqualTo(TransportException.Kind.RESPONSE_TIMEOUT);
        assertThat(TransportErrors.whileReading("GET /x", new TransportTimeoutException(
                TransportException.Kind.READ_TIMEOUT, "no body bytes within 300 ms", null)).kind())
                .isEqualTo(TransportException.Kind.READ_TIMEOUT);
    }

    @Test
    void tlsReasons() {
        assertThat(TransportErrors.whileSending("GET /x", PANEL,
                new SSLHandshakeException("Remote host terminated the handshake")).getMessage())
                .contains("TLS handshake with panel.example.com:8443 failed: the server closed the connection");
        assertThat(TransportErrors.whileSending("GET /x", PANEL,
                new SSLHandshakeException("No subject alternative DNS name matching panel.example.com found.")).getMessage())
                .contains("certificate does not name panel.example.com");
        assertThat(TransportErrors.whileSending("GET /x", PANEL,
                new SSLHandshakeException("Received fatal alert: protocol_version")).getMessage())
                .contains("no TLS version or cipher suite in common");
    }

    @Test
    void otherFailuresKeepTheirKind() {
        TransportException e = TransportErrors.whileSending("GET /x", PANEL, new java.io.IOException("Connection reset"));
        assertThat(e.kind()).isEqualTo(TransportException.Kind.IO);
        assertThat(e.getMessage()).isEqualTo("IO: GET /x: IOException (Connection reset)");
    }
}
