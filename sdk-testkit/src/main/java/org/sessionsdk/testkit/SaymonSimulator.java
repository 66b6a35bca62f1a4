package org.sessionsdk.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonSession;

/**
 * The SAYMON REST API on loopback: the users' session log ({@code GET /node/api/users/session/log?from=&to=&limit=&skip=}),
 * the current user, the user list and each user's audit log ({@link #withAuditEntries}), the cookie session
 * ({@code POST}/{@code DELETE /node/api/users/session}) and API tokens ({@code POST}/{@code DELETE
 * /node/api/users/{id}/auth-token}).
 *
 * <p>Every call takes HTTP Basic, a {@code Cookie: sid=...} from a login, or an API token in a query parameter. A
 * wrong login or password is a 401 {@code InvalidCredentials}; an unknown or expired sid a 401 {@code Unauthorized}
 * whose message is {@code {"errorCode":3,"message":"Session expired."}} ({@link #expireSessions()} expires every sid);
 * a refused token the same with "Invalid API token.". {@link #VIEWER_LOGIN} lacks {@code read-session-log} (403).
 *
 * <p>The log is generated on the fly from the seed (a million records cost no memory): record {@code k} (0 = newest)
 * started about {@code k} minutes before the newest, which started about 4 hours before the {@linkplain #anchor()
 * anchor}; about one in eight is still open ({@code endTime} null). Records are served newest first; {@code skip}
 * counts from the newest; {@code from}/{@code to} bound {@code startTime} (inclusive); no {@code limit} (or 0) means
 * all. {@link #insertNewest(int)} and {@link #insertAfterEachPage(int)} log new records on top, as a busy server does
 * while a client pages. A {@linkplain #withScenario scenario}'s sessions join the log once started, {@code endTime}
 * null until they end, with ids {@link #sessionId(String)}. The server's zone changes nothing: SAYMON writes epoch ms.
 *
 * <p>Its parts: {@code SaymonAuth} and {@code SaymonApiTokens} (who calls), {@code SaymonUsers} (users, ids, the
 * current user), {@code SaymonSessionLog} (the session log), {@code SaymonAuditApi} (user list, audit logs).
 */
public final class SaymonSimulator extends SimulatorBase<SaymonSimulator> {
    /** The login {@link #client()} signs in with; it holds every permission. */
    public static final String LOGIN = "admin";
    /** The password of {@link #LOGIN}: a colon and a non-ASCII letter, to prove they travel intact. */
    public static final String PASSWORD = "testkit-pass:wörd";
    /** A user without the {@code read-session-log} permission. */
    public static final String VIEWER_LOGIN = "viewer";
    /** The password of {@link #VIEWER_LOGIN}. */
    public static final String VIEWER_PASSWORD = "viewer-password";
    /** The permission the session log needs. */
    public static final String LOG_PERMISSION = "read-session-log";
    /** An API token of {@link #LOGIN} the simulator accepts from the start (query parameter {@code api-token}). */
    public static final String API_TOKEN = "testkit-saymon-api-token-5c1e";

    static final String LOG = "/node/api/users/session/log";
    static final String CURRENT = "/node/api/users/current";
    static final String SESSION = "/node/api/users/session";
    /** The simulator's own users; the viewer never logs in on its own. */
    static final String[] USERS = {LOGIN, "operator", "jdoe", "monitor", "api-bot", VIEWER_LOGIN};

    private final SaymonUsers users = new SaymonUsers(this);
    private final SaymonAuth auth = new SaymonAuth(this);
    private final SaymonSessionLog log = new SaymonSessionLog(this);
    private final SaymonAuditApi audit = new SaymonAuditApi(this);
    final SaymonApiTokens apiTokens = new SaymonApiTokens(this);

    private SaymonSimulator(InetSocketAddress address) {
        super("saymon", address, 25, SaymonSimulator::new);
    }

    private SaymonSimulator(SaymonSimulator parent, int number) {
        super(parent, number);
    }

    /**
     * The routes. The session log and the current user answer a wrong method before they ask who is
     * calling; the user list and the audit logs ask first; any other path under {@code /node/api/} is
     * SAYMON's own 404.
     */
    @Override
    Routes routes() {
        return new Routes()
                .on("POST", Routes.exact(SESSION), auth::logIn)
                .on("DELETE", Routes.exact(SESSION), auth::logOut)
                .on(null, SaymonApiTokens::serves, auth.signedIn(apiTokens::handle)) // making and revoking tokens
                .on(null, SaymonAuditApi::serves, auth.signedIn(audit::handle))
                .on("GET", Routes.exact(CURRENT), auth.signedIn(users::current))
                .on("GET", Routes.exact(LOG), auth.signedIn((ex, user) -> {
                    if (VIEWER_LOGIN.equals(user)) {
                        ex.respond(403, contentType(), errorBody("Forbidden", "Access denied: permission '"
                                + LOG_PERMISSION + "' is required"));
                    } else {
                        log.serve(ex);
                    }
                }))
                .onWrongMethod((ex, allowed) -> ex.respond(405, contentType(),
                        errorBody("MethodNotAllowed", ex.method() + " is not allowed")))
                .onNotFound(ex -> {
                    if (ex.path().startsWith("/node/api/")) {
                        ex.respond(404, contentType(), errorBody("ResourceNotFound", ex.path() + " does not exist"));
                    }
                });
    }

    /**
     * The 24-hex id a scenario session has here: its start second, then digits from its label.
     *
     * @param label the session's label in the scenario
     * @return its SAYMON session id
     * @throws IllegalArgumentException if the scenario has no such session
     */
    public String sessionId(String label) {
        return log.scenarioId(scenarioSession(label));
    }

    /** {@return a started simulator with a log of 25 generated records} */
    public static SaymonSimulator start() {
        return new SaymonSimulator(null);
    }

    /**
     * A simulator on the given address, for a harness outside the JVM that needs a known port
     * ({@code sessions simulate}); otherwise like {@link #start()}.
     *
     * @param address where to listen: port 0 for an ephemeral one; any address but loopback makes the
     *     simulator reachable from other machines
     * @return a started simulator with a log of 25 generated records
     * @throws java.io.UncheckedIOException if the port cannot be opened (e.g. it is in use)
     */
    public static SaymonSimulator start(InetSocketAddress address) {
        return new SaymonSimulator(Objects.requireNonNull(address, "address"));
    }

    /**
     * Adds a session-log record the test chooses; it takes its place in the log by {@code startTime}.
     *
     * @param session the record; its {@code startTime} is required
     * @return this simulator
     */
    public SaymonSimulator withSession(SaymonSession session) {
        Objects.requireNonNull(session.startTime(), "startTime");
        log.add(session);
        return this;
    }

    /**
     * Logs {@code n} new records on top of the log (newer than every generated one).
     * @param n how many records to add
     */
    public void insertNewest(int n) {
        log.insertNewest(n);
    }

    /**
     * From now on, every session-log page served is followed by {@code n} new records (0 stops it).
     *
     * @param n records added after each page
     * @return this simulator
     */
    public SaymonSimulator insertAfterEachPage(int n) {
        log.insertAfterEachPage(n);
        return this;
    }

    /** {@return how many cookie sessions it expired: all, the next call with a sid gets 401 "Session expired."} */
    public int expireSessions() {
        return auth.expireAll();
    }

    /**
     * API tokens come in the query parameter {@code name} (default {@code api-token}).
     * @param name the parameter's name
     * @return this simulator
     */
    public SaymonSimulator withApiTokenParameter(String name) {
        apiTokens.parameter = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * {@return a new API token for {@code login}, as {@code POST /node/api/users/{id}/auth-token} makes}
     * @param login one of the simulator's users
     */
    public String issueApiToken(String login) {
        return apiTokens.issue(login);
    }

    /**
     * Revokes every API token of {@code login} ({@link #API_TOKEN} too, for {@link #LOGIN}), as
     * {@code DELETE /node/api/users/{id}/auth-token} does: they get 401 "Invalid API token.".
     * @param login one of the simulator's users
     * @return this simulator
     */
    public SaymonSimulator revokeApiTokens(String login) {
        apiTokens.revoke(login);
        return this;
    }

    /**
     * Turns the API token scheme on or off, as an administrator can: while off, every token gets 401.
     * @param on false to refuse every token
     * @return this simulator
     */
    public SaymonSimulator withApiTokens(boolean on) {
        apiTokens.disabled = !on;
        return this;
    }

    /**
     * {@code GET /node/api/users} masks each login ({@code admin*****}), as for a caller without {@code manage-users}.
     * @param on true to mask
     * @return this simulator
     */
    public SaymonSimulator withMaskedLogins(boolean on) {
        apiTokens.maskLogins = on;
        return this;
    }

    /** {@return a client for this simulator with HTTP Basic as {@link #LOGIN}; close it} */
    public SaymonClient client() {
        return clientBuilder().build();
    }

    /** {@return a client builder set up for this simulator (endpoint, Basic as {@link #LOGIN})} */
    public SaymonClient.Builder clientBuilder() {
        return SaymonClient.builder().endpoint(endpoint()).credentials(SaymonCredentials.basic(LOGIN, PASSWORD));
    }

    /** {@return successful logins ({@code POST /node/api/users/session})} */
    public int logins() {
        return auth.logins();
    }

    /** {@return logouts of a live sid ({@code DELETE /node/api/users/session})} */
    public int logouts() {
        return auth.logouts();
    }

    /** {@return cookie sessions currently valid} */
    public int activeSessions() {
        return auth.active();
    }

    /** {@return session-log requests answered (authorized, well-formed)} */
    public int logRequests() {
        return log.requests();
    }

    /** {@return log records sent so far, over all pages (a record sent on two pages counts twice)} */
    public long recordsServed() {
        return log.served();
    }

    /** {@return records in the log now} */
    public long logSize() {
        return log.size();
    }

    /** {@return the whole log, newest first, as the API serves it; builds a list, so for modest logs} */
    public List<SaymonSession> sessions() {
        return log.all();
    }

    /**
     * The id SAYMON gives the user {@code login} (as {@code /users/current} and the log report it).
     *
     * @param login one of the simulator's users
     * @return the user's id
     * @throws IllegalArgumentException if the simulator has no such user
     */
    public String userId(String login) {
        return users.userId(login);
    }

    /** The id of the simulator's own user {@code u}. */
    String ownUserId(int u) {
        return users.ownUserId(u);
    }

    /**
     * A SAYMON error body {@code {"code": ..., "message": ...}}, e.g. for {@code faults().failNext}.
     *
     * @param code    the error code
     * @param message the error text
     * @return the JSON body
     */
    public static String errorBody(String code, String message) {
        return SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
    }

    /** The permission (the simulator's own name) a user needs to read another user's audit log. */
    public static final String AUDIT_PERMISSION = "read-audit-log";

    /**
     * Each user's audit log holds {@code perUser} generated entries (default 5), the newest about a
     * minute before {@link #anchor()}, one more a minute further back each; deterministic from the seed.
     *
     * @param perUser how many, not negative
     * @return this simulator
     */
    public SaymonSimulator withAuditEntries(int perUser) {
        audit.perUser(perUser);
        return this;
    }

    /**
     * Logs an audit entry of {@code login} at {@code time}; it takes its place in that user's log by
     * time. Its bodies are {@code {"id": entityId, "name": ...}}: no {@code oldBody} for a
     * {@code create}, no {@code newBody} for a {@code delete}.
     *
     * @param time       when it happened
     * @param login      one of the simulator's users
     * @param kind       e.g. {@code create}, {@code update}, {@code delete}
     * @param entityType e.g. {@code object}
     * @param entityId   the object's id
     * @return this simulator
     * @throws IllegalArgumentException if the simulator has no such user
     */
    public SaymonSimulator addAuditEntry(Instant time, String login, String kind, String entityType, String entityId) {
        audit.add(time, login, kind, entityType, entityId);
        return this;
    }

    /**
     * From now on, every audit-log page served is followed by {@code n} new entries on top of that
     * user's log (0 stops it), as a busy server logs while a client pages.
     *
     * @param n entries added after each page
     * @return this simulator
     */
    public SaymonSimulator insertAuditEntriesAfterEachPage(int n) {
        audit.insertAfterEachPage(n);
        return this;
    }

    /**
     * Makes {@code login}'s audit log answer {@code status} with a SAYMON error body (0 heals it):
     * e.g. 404 for a user deleted since the user list was read, or 500.
     *
     * @param login  one of the simulator's users
     * @param status the HTTP status, or 0
     * @return this simulator
     */
    public SaymonSimulator failAuditLogOf(String login, int status) {
        audit.fail(login, status, null);
        return this;
    }

    /**
     * Makes {@code login}'s audit log answer {@code status} with a SAYMON error body until the simulator's clock
     * reaches {@code until}, then heal by itself, as a feed sees a user failing for a while between polls.
     * {@link #failAuditLogOf(String, int) failAuditLogOf(login, 0)} heals it sooner.
     * @param login  one of the simulator's users
     * @param status the HTTP status, e.g. 500
     * @param until  the first instant (by {@link #clock()}) at which the log answers again
     * @return this simulator
     */
    public SaymonSimulator failAuditLogOf(String login, int status, Instant until) {
        audit.fail(login, status, Objects.requireNonNull(until, "until"));
        return this;
    }

    /**
     * {@return {@code login}'s audit log, newest first, as a client reads it (ids derived as the SDK
     * derives them); builds a list, so for modest logs}
     * @param login one of the simulator's users
     */
    public List<org.sessionsdk.saymon.SaymonAuditEntry> auditEntries(String login) {
        return audit.entries(login);
    }

    /** {@return audit-log requests answered (authorized, well-formed)} */
    public int auditLogRequests() {
        return audit.requests();
    }

    /** The simulator's own users, then those only the scenario names. */
    List<String> userLogins() {
        return users.logins();
    }

    /** How many of {@link #userLogins()} are the simulator's own (the others have no generated history). */
    int ownUsers() {
        return USERS.length;
    }

    @Override
    protected String malformedBody() {
        return "[{\"startTime\":1651662280161,\"endTime\":null,\"id\":\"62725dc8bad9";
    }

    @Override
    protected String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    protected String stallPrefix() {
        return "[{\"startTime\":";
    }
}
