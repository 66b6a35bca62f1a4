package org.sessionsdk.core.observe;

/**
 * What every event of one logical call shares. The same instance is passed to all the events of a
 * call, so a listener that keeps state per call may key it by identity.
 *
 * @param callId        unique per call within this JVM, increasing
 * @param vendor        the client's vendor, e.g. {@code plesk}, {@code ekran}
 * @param operation     a low-cardinality name of the operation, e.g. {@code session/get} or
 *                      {@code GET /api/session/remotesessions/{id}}: never a path with ids or a query
 * @param method        the HTTP method
 * @param serverAddress the host the call goes to
 * @param serverPort    the port it goes to (the scheme's default when the endpoint names none)
 */
public record CallInfo(long callId, String vendor, String operation, String method, String serverAddress,
                       int serverPort) {
}
