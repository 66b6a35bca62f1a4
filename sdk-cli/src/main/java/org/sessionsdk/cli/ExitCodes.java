package org.sessionsdk.cli;

import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.PermissionDeniedException;
import org.sessionsdk.core.error.TransportException;

/** The command's exit codes: 0 ok, 2 usage, 3 authentication, 4 other API error, 5 network. */
final class ExitCodes {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int AUTH = 3;
    static final int API = 4;
    static final int NETWORK = 5;

    private ExitCodes() {
    }

    static int of(Throwable e) {
        if (e instanceof AuthenticationException || e instanceof PermissionDeniedException) {
            return AUTH;
        }
        if (e instanceof TransportException) {
            return NETWORK;
        }
        if (e instanceof IllegalArgumentException) {
            return USAGE;
        }
        return API;
    }

    static String describe(Throwable e) {
        String kind = e instanceof ApiException ? "the server refused: " : "";
        return "sessions: " + kind + e.getMessage();
    }
}
