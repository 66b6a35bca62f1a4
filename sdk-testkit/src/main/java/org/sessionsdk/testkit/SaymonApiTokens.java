package org.sessionsdk.testkit;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SAYMON's API tokens as a {@link SaymonSimulator} plays them: a token in a query parameter
 * ({@code api-token} unless set otherwise) signs a request in as its user; {@code POST
 * /node/api/users/{id}/auth-token} (needs {@code manage-users}: the admin) makes one, answered as a
 * quoted JSON string, and {@code DELETE} on the same path revokes the user's tokens. An unknown or
 * revoked token, or any token while the scheme is disabled, is a 401 {@code Unauthorized} whose message
 * is {@code {"errorCode":3,"message":"Invalid API token."}}. With {@link #maskLogins}, the user list
 * shows logins masked as for a caller without {@code manage-users} ({@code exampl******}).
 */
final class SaymonApiTokens {
    static final String PREFIX = "/node/api/users/";
    static final String SUFFIX = "/auth-token";
    static final String INVALID = "{\"errorCode\":3,\"message\":\"Invalid API token.\"}";

    private final SaymonSimulator sim;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger issued = new AtomicInteger();
    volatile String parameter = "api-token";
    volatile boolean disabled;
    volatile boolean maskLogins;

    SaymonApiTokens(SaymonSimulator sim) {
        this.sim = sim;
        tokens.put(SaymonSimulator.API_TOKEN, SaymonSimulator.LOGIN);
    }

    /** Whether the request carries a token. */
    boolean present(SimExchange ex) {
        return ex.query(parameter) != null;
    }

    /** The token's user, or null once the 401 is answered. */
    String authenticate(SimExchange ex) throws IOException {
        String user = disabled ? null : tokens.get(ex.query(parameter));
        if (user == null) {
            ex.respond(401, sim.contentType(), SaymonSimulator.errorBody("Unauthorized", INVALID));
        }
        return user;
    }

    static boolean serves(String path) {
        return path.startsWith(PREFIX) && path.endsWith(SUFFIX) && path.length() > PREFIX.length() + SUFFIX.length();
    }

    /** {@code POST} makes a token for the user of the path, {@code DELETE} revokes that user's tokens. */
    void handle(SimExchange ex, String caller) throws IOException {
        String userId = ex.path().substring(PREFIX.length(), ex.path().length() - SUFFIX.length());
        String login = sim.userLogins().stream().filter(l -> sim.userId(l).equals(userId)).findFirst().orElse(null);
        if (!SaymonSimulator.LOGIN.equals(caller)) {
            ex.respond(403, sim.contentType(), SaymonSimulator.errorBody("Forbidden",
                    "Access denied: permission 'manage-users' is required"));
        } else if (login == null) {
            ex.respond(404, sim.contentType(), SaymonSimulator.errorBody("ResourceNotFound", "No user " + userId));
        } else if ("POST".equals(ex.method())) {
            String token = issue(login);
            ex.respond(200, sim.contentType(), SimWire.json(g -> g.writeString(token)));
        } else if ("DELETE".equals(ex.method())) {
            revoke(login);
            ex.respond(204, null, new byte[0]);
        } else {
            ex.respond(405, sim.contentType(), SaymonSimulator.errorBody("MethodNotAllowed", ex.method() + " is not allowed"));
        }
    }

    String issue(String login) {
        String token = SimData.hex(sim.seed(), 8_000_000L + issued.incrementAndGet(), 40);
        tokens.put(token, login);
        return token;
    }

    void revoke(String login) {
        tokens.values().removeIf(login::equals);
    }

    /** A login as the user list shows it to a caller without {@code manage-users}. */
    String listed(String login) {
        if (!maskLogins) {
            return login;
        }
        return login.substring(0, Math.min(6, Math.max(1, login.length() - 1))) + "******";
    }
}
