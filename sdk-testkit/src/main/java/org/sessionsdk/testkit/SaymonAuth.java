package org.sessionsdk.testkit;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SaymonSimulator}'s auth, in one place: who a request is (HTTP Basic, the {@code sid}
 * cookie of a login, or an API token, see {@code SaymonApiTokens}), the cookie sessions ({@code POST}/{@code DELETE /node/api/users/session}) and
 * their expiry, and the 401 bodies SAYMON answers with.
 */
final class SaymonAuth {
    private static final String EXPIRED = "{\"errorCode\":3,\"message\":\"Session expired.\"}";

    private final SaymonSimulator sim;
    private final Map<String, String> sids = new ConcurrentHashMap<>();
    private final AtomicInteger sidCounter = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();

    SaymonAuth(SaymonSimulator sim) {
        this.sim = sim;
    }

    int logins() {
        return logins.get();
    }

    int logouts() {
        return logouts.get();
    }

    int active() {
        return sids.size();
    }

    /** Expires every cookie session; how many there were. */
    int expireAll() {
        int n = sids.size();
        sids.clear();
        return n;
    }

    /** What a route does for a caller who signed in. */
    interface SignedIn {
        void handle(SimExchange ex, String user) throws IOException;
    }

    /** {@return a route handler that runs {@code then} for a caller who signed in, and answers the 401 otherwise} */
    Routes.Handler signedIn(SignedIn then) {
        return ex -> {
            String user = authenticate(ex);
            if (user != null) {
                then.handle(ex, user);
            }
        };
    }

    /** The user, or null once a 401 is answered. */
    String authenticate(SimExchange ex) throws IOException {
        if (sim.apiTokens.present(ex)) {
            String user = sim.apiTokens.authenticate(ex);
            if (user == null) {
                sim.reject();
            }
            return user;
        }
        String authorization = ex.header("Authorization");
        if (authorization != null) {
            String[] basic = SimWire.basic(authorization);
            String user = basic == null ? null : user(basic[0], basic[1]);
            if (user == null) {
                refuse(ex, "InvalidCredentials", "Invalid login or password.");
            }
            return user;
        }
        String sid = SimWire.cookie(ex.header("Cookie"), "sid");
        String user = sid == null ? null : sids.get(sid);
        if (user == null) {
            refuse(ex, "Unauthorized", sid == null ? "{\"errorCode\":1,\"message\":\"Authentication required.\"}" : EXPIRED);
        }
        return user;
    }

    /** The login whose password this is, or null. */
    private static String user(String login, String password) {
        if (SaymonSimulator.LOGIN.equals(login) && SaymonSimulator.PASSWORD.equals(password)) {
            return SaymonSimulator.LOGIN;
        }
        if (SaymonSimulator.VIEWER_LOGIN.equals(login) && SaymonSimulator.VIEWER_PASSWORD.equals(password)) {
            return SaymonSimulator.VIEWER_LOGIN;
        }
        return null;
    }

    private void refuse(SimExchange ex, String code, String message) throws IOException {
        sim.reject();
        ex.respond(401, sim.contentType(), SaymonSimulator.errorBody(code, message));
    }

    /** {@code POST /node/api/users/session}: a JSON login; the sid comes back as a cookie and as the body. */
    void logIn(SimExchange ex) throws IOException {
        Map<String, String> body = SimWire.flatObject(ex.body());
        if (body == null || !body.containsKey("login") || !body.containsKey("password")) {
            ex.respond(400, sim.contentType(), SaymonSimulator.errorBody("InvalidContent",
                    "The body must be a JSON object with 'login' and 'password'."));
            return;
        }
        String user = user(body.get("login"), body.get("password"));
        if (user == null) {
            refuse(ex, "InvalidCredentials", "Invalid login or password.");
            return;
        }
        String sid = SimData.hex(sim.seed(), 7_000_000L + sidCounter.incrementAndGet(), 32);
        sids.put(sid, user);
        logins.incrementAndGet();
        ex.responseHeader("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly");
        ex.respond(200, sim.contentType(), SimWire.json(g -> g.writeString(sid)));
    }

    /** {@code DELETE /node/api/users/session}: ends the cookie's session. */
    void logOut(SimExchange ex) throws IOException {
        String sid = SimWire.cookie(ex.header("Cookie"), "sid");
        if (sid == null || sids.remove(sid) == null) {
            refuse(ex, "Unauthorized", EXPIRED);
            return;
        }
        logouts.incrementAndGet();
        ex.responseHeader("Set-Cookie", "sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        ex.respond(204, null, new byte[0]);
    }
}
