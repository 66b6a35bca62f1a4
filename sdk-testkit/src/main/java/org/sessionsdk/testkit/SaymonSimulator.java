package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonSession;

/**
 * The SAYMON REST API on loopback: the users' session log
 * ({@code GET /node/api/users/session/log?from=&to=&limit=&skip=}), the current user
 * ({@code GET /node/api/users/current}), the user list and each user's audit log
 * ({@code GET /node/api/users}, {@code GET /node/api/users/{id}/audit-log}, see
 * {@link #withAuditEntries}) and the cookie session ({@code POST}/{@code DELETE}
 * {@code /node/api/users/session}).
 *
 * <p>Every call takes HTTP Basic or a {@code Cookie: sid=...} from a login. A wrong login or password
 * is a 401 {@code InvalidCredentials}; an unknown or expired sid a 401 {@code Unauthorized} whose
 * message is the JSON string {@code {"errorCode":3,"message":"Session expired."}};
 * {@link #expireSessions()} expires every sid at once, to test logging in again. The user
 * {@link #VIEWER_LOGIN} lacks {@code read-session-log} and gets a 403 on the log.
 *
 * <p>The log is generated on the fly from the seed (nothing stored, a million records cost no
 * memory): record {@code k} (0 = newest) started about {@code k} minutes before the newest, which
 * started about 4 hours before the {@linkplain #anchor() anchor}; about one in eight is still open
 * ({@code endTime} null). {@link #withScenario} adds sessions on top as the clock moves. Records are served
 * newest first; {@code skip} counts from the newest; {@code from}/{@code to} bound {@code startTime}
 * (inclusive); no {@code limit} (or 0, as MongoDB reads it) means all. {@link #insertNewest(int)}
 * logs new records on top, one minute apart after the newest, as a busy server does while a client
 * pages; {@link #insertAfterEachPage(int)} does so after every page served.
 */
public final class SaymonSimulator extends Simulator {
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
    private static final long STEP_MS = 60_000;
    private static final long JITTER_MS = 30_000;
    private static final long LONGEST_MS = 60_000 + 4 * 3600_000L;
    private static final String[] USERS = {LOGIN, "operator", "jdoe", "monitor", "api-bot", VIEWER_LOGIN};
    private static final String EXPIRED = "{\"errorCode\":3,\"message\":\"Session expired.\"}";

    private volatile long seed = 42;
    private volatile int generated = 25;
    private final AtomicLong inserted = new AtomicLong();
    private volatile int insertPerPage;
    private final List<SaymonSession> extra = new CopyOnWriteArrayList<>();
    private final Map<String, String> sids = new ConcurrentHashMap<>();
    private final AtomicInteger sidCounter = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicInteger logouts = new AtomicInteger();
    private final AtomicInteger logRequests = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicLong served = new AtomicLong();
    private final SaymonAuditApi audit = new SaymonAuditApi(this);
    final SaymonApiTokens apiTokens = new SaymonApiTokens(this);

    private volatile ScenarioPlayback scenario = ScenarioPlayback.NONE;

    private SaymonSimulator(InetSocketAddress address) {
        super("saymon", address);
    }

    private SaymonSimulator(SaymonSimulator parent, int number) {
        super(parent, number);
        this.seed = parent.seed * 1_000_003L + number;
        this.generated = parent.generated;
    }

    @Override
    protected SaymonSimulator newTenant(int number) {
        return new SaymonSimulator(this, number);
    }

    /**
     * The server served under {@code /t/<number>} on this simulator's port: its own log, logins,
     * journal, faults and clock, made on first use. Its {@link #client()} points at it.
     *
     * @param number 1 to {@link Simulator#MAX_TENANTS}
     * @return the tenant
     */
    public SaymonSimulator tenant(int number) {
        return tenantOf(number);
    }

    /**
     * Answers by this clock from now on; the generated log ends just before its current instant (the
     * {@linkplain #anchor() anchor}).
     *
     * @param clock e.g. a {@link SimClock}
     * @return this simulator
     */
    public SaymonSimulator withClock(java.time.Clock clock) {
        useClock(clock);
        return this;
    }

    /**
     * Runs the server's clock {@code skew} ahead of the simulator's clock (behind when negative): every
     * time it writes, and the "now" it filters by, is off by that much from the client's, and so is the
     * history it generates. {@link #clock()} is the server's.
     *
     * @param skew how far ahead the server's clock is
     * @return this simulator
     */
    public SaymonSimulator withClockSkew(java.time.Duration skew) {
        useClockSkew(skew);
        return this;
    }

    /**
     * Lets the server's clock drift: it gains {@code perHour} for every hour the simulator's clock moves
     * past the {@linkplain #anchor() anchor} (loses when negative), on top of any skew.
     *
     * @param perHour how much the server's clock gains an hour, e.g. 30 seconds
     * @return this simulator
     */
    public SaymonSimulator withClockDrift(java.time.Duration perHour) {
        useClockDrift(perHour);
        return this;
    }

    /**
     * Lists a scenario's rows late: a session start, session end or audit entry is listed only once
     * the server's clock has reached its time plus {@code delay}, with its true time. Until its start
     * is listed a session is absent; until its end is, it is open. Generated history counts as listed.
     *
     * @param delay how late rows are listed; zero for at once
     * @return this simulator
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    public SaymonSimulator withLateRows(java.time.Duration delay) {
        useLateRows(delay);
        return this;
    }

    /**
     * The server's zone: accepted so every simulator takes the same options, and changes nothing.
     * SAYMON writes times as epoch milliseconds, which carry no zone.
     *
     * @param zone the server's zone, e.g. {@code ZoneId.of("Europe/Berlin")}
     * @return this simulator
     */
    public SaymonSimulator withServerZone(java.time.ZoneId zone) {
        useServerZone(zone);
        return this;
    }


    /**
     * Plays a scenario from the anchor on: its sessions join the log once started (newest first, so a
     * client paging while the clock moves sees the log grow on top), with {@code endTime} null until
     * they end. Their ids are {@link #sessionId(String)}; a scenario user that is not one of the
     * simulator's own gets a user id made from its name.
     *
     * @param scenario what happens
     * @return this simulator
     */
    public SaymonSimulator withScenario(Scenario scenario) {
        this.scenario = new ScenarioPlayback(scenario);
        useScenarioConditions(scenario);
        return this;
    }

    /**
     * The 24-hex id a scenario session has here: its start second, then digits from its label.
     *
     * @param label the session's label in the scenario
     * @return its SAYMON session id
     * @throws IllegalArgumentException if the scenario has no such session
     */
    public String sessionId(String label) {
        ScenarioPlayback.Lived l = scenario.session(label, anchor(), Instant.MAX);
        if (l == null) {
            throw new IllegalArgumentException("the scenario has no session " + label);
        }
        return scenarioId(l);
    }

    private String scenarioId(ScenarioPlayback.Lived l) {
        return String.format("%08x", l.start().getEpochSecond()) + SimData.hex(seed, -5000L - l.ordinal(), 16);
    }

    /** The scenario's sessions as of now, as log records. */
    private List<SaymonSession> scenarioRecords() {
        List<SaymonSession> out = new ArrayList<>();
        Instant now = clock().instant();
        for (ScenarioPlayback.Lived l : scenario.sessions(anchor(), publishedBy())) {
            String uid = userId(l.user());
            // an open scenario session is in use: its expiry stays ahead of now (30 min after the last
            // activity), so it never expires while open; an ended one expired 30 min after its end
            Instant last = l.end() != null ? l.end() : (l.start().isAfter(now) ? l.start() : now);
            out.add(new SaymonSession(scenarioId(l), uid, l.user(), l.start(), l.end(), last.plusSeconds(1800)));
        }
        return out;
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
     * A log of {@code n} generated records (made as they are listed, none stored).
     *
     * @param n how many, not negative
     * @return this simulator
     */
    public SaymonSimulator withSessions(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        this.generated = n;
        return this;
    }

    /**
     * The seed of the generated data (default 42): the same seed gives the same log.
     *
     * @param seed any value
     * @return this simulator
     */
    public SaymonSimulator withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Adds a session-log record the test chooses; it takes its place in the log by {@code startTime}.
     *
     * @param session the record; its {@code startTime} is required
     * @return this simulator
     */
    public SaymonSimulator withSession(SaymonSession session) {
        Objects.requireNonNull(session.startTime(), "startTime");
        extra.add(session);
        return this;
    }

    /**
     * Logs {@code n} new records on top of the log (newer than every generated one).
     *
     * @param n how many records to add
     */
    public void insertNewest(int n) {
        inserted.addAndGet(n);
    }

    /**
     * From now on, every session-log page served is followed by {@code n} new records (0 stops it).
     *
     * @param n records added after each page
     * @return this simulator
     */
    public SaymonSimulator insertAfterEachPage(int n) {
        this.insertPerPage = n;
        return this;
    }

    /**
     * Expires every cookie session: the next call with a sid gets 401 "Session expired.".
     *
     * @return how many sids were expired
     */
    public int expireSessions() {
        int n = sids.size();
        sids.clear();
        return n;
    }

    /**
     * The query parameter API tokens come in (default {@code api-token}).
     *
     * @param name the parameter's name
     * @return this simulator
     */
    public SaymonSimulator withApiTokenParameter(String name) {
        apiTokens.parameter = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * Makes an API token for {@code login}, as {@code POST /node/api/users/{id}/auth-token} does.
     *
     * @param login one of the simulator's users
     * @return the token
     */
    public String issueApiToken(String login) {
        return apiTokens.issue(login);
    }

    /**
     * Revokes every API token of {@code login} ({@link #API_TOKEN} too, for {@link #LOGIN}), as
     * {@code DELETE /node/api/users/{id}/auth-token} does: they get 401 "Invalid API token.".
     *
     * @param login one of the simulator's users
     * @return this simulator
     */
    public SaymonSimulator revokeApiTokens(String login) {
        apiTokens.revoke(login);
        return this;
    }

    /**
     * Turns the API token scheme off or on, as an administrator can: while off, every token gets 401
     * "Invalid API token.".
     *
     * @param on false to refuse every token
     * @return this simulator
     */
    public SaymonSimulator withApiTokens(boolean on) {
        apiTokens.disabled = !on;
        return this;
    }

    /**
     * {@code GET /node/api/users} shows each login masked ({@code admin*****}), as SAYMON does for a caller
     * without the {@code manage-users} permission.
     *
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
        return logins.get();
    }

    /** {@return logouts of a live sid ({@code DELETE /node/api/users/session})} */
    public int logouts() {
        return logouts.get();
    }

    /** {@return cookie sessions currently valid} */
    public int activeSessions() {
        return sids.size();
    }

    /** {@return session-log requests answered (authorized, well-formed)} */
    public int logRequests() {
        return logRequests.get();
    }

    /** {@return log records sent so far, over all pages (a record sent on two pages counts twice)} */
    public long recordsServed() {
        return served.get();
    }

    /** {@return requests refused with a 401} */
    public int rejectedRequests() {
        return rejected.get();
    }

    /** {@return records in the log now} */
    public long logSize() {
        return generated + inserted.get() + extra.size() + scenario.sessions(anchor(), publishedBy()).size();
    }

    /** {@return the whole log, newest first, as the API serves it; builds a list, so for modest logs} */
    public List<SaymonSession> sessions() {
        List<SaymonSession> out = new ArrayList<>();
        forEach(new State(this), null, null, 0, Long.MAX_VALUE, out::add);
        return out;
    }

    /**
     * The id SAYMON gives the user {@code login} (as {@code /users/current} and the log report it).
     *
     * @param login one of the simulator's users
     * @return the user's id
     * @throws IllegalArgumentException if the simulator has no such user
     */
    public String userId(String login) {
        for (int u = 0; u < USERS.length; u++) {
            if (USERS[u].equals(login)) {
                return userId(u);
            }
        }
        if (scenario.people().contains(login)) {
            // a user the scenario brings: listed by /users, with an id made from the name
            return String.format("%08x", login.hashCode()) + SimData.hex(seed, -9000L - Math.abs((long) login.hashCode()), 16);
        }
        throw new IllegalArgumentException("no such user: " + login);
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

    @Override
    protected void handle(SimExchange ex) throws IOException {
        String path = ex.path();
        if (path.equals(SESSION)) {
            if ("POST".equals(ex.method())) {
                logIn(ex);
            } else if ("DELETE".equals(ex.method())) {
                logOut(ex);
            } else {
                ex.respond(405, contentType(), errorBody("MethodNotAllowed", ex.method() + " is not allowed"));
            }
            return;
        }
        if (SaymonApiTokens.serves(path)) { // making and revoking API tokens
            String user = authenticate(ex);
            if (user != null) {
                apiTokens.handle(ex, user);
            }
            return;
        }
        if (SaymonAuditApi.serves(path)) { // the user list and the users' audit logs
            String user = authenticate(ex);
            if (user != null) {
                audit.handle(ex, user);
            }
            return;
        }
        if (!path.equals(LOG) && !path.equals(CURRENT)) {
            if (path.startsWith("/node/api/")) {
                ex.respond(404, contentType(), errorBody("ResourceNotFound", path + " does not exist"));
            }
            return; // 404 from the base
        }
        if (!"GET".equals(ex.method())) {
            ex.respond(405, contentType(), errorBody("MethodNotAllowed", ex.method() + " is not allowed"));
            return;
        }
        String user = authenticate(ex);
        if (user == null) {
            return; // answered
        }
        if (path.equals(CURRENT)) {
            current(ex, user);
        } else if (VIEWER_LOGIN.equals(user)) {
            ex.respond(403, contentType(), errorBody("Forbidden", "Access denied: permission '" + LOG_PERMISSION
                    + "' is required"));
        } else {
            log(ex);
        }
    }

    /** The user, or null once a 401 is answered. */
    private String authenticate(SimExchange ex) throws IOException {
        if (apiTokens.present(ex)) {
            String user = apiTokens.authenticate(ex);
            if (user == null) {
                rejected.incrementAndGet();
            }
            return user;
        }
        String authorization = ex.header("Authorization");
        if (authorization != null) {
            String[] basic = SimWire.basic(authorization);
            String user = basic == null ? null : user(basic[0], basic[1]);
            if (user == null) {
                rejected.incrementAndGet();
                ex.respond(401, contentType(), errorBody("InvalidCredentials", "Invalid login or password."));
            }
            return user;
        }
        String sid = SimWire.cookie(ex.header("Cookie"), "sid");
        String user = sid == null ? null : sids.get(sid);
        if (user == null) {
            rejected.incrementAndGet();
            ex.respond(401, contentType(), errorBody("Unauthorized", sid == null
                    ? "{\"errorCode\":1,\"message\":\"Authentication required.\"}" : EXPIRED));
        }
        return user;
    }

    private static String user(String login, String password) {
        if (LOGIN.equals(login) && PASSWORD.equals(password)) {
            return LOGIN;
        }
        if (VIEWER_LOGIN.equals(login) && VIEWER_PASSWORD.equals(password)) {
            return VIEWER_LOGIN;
        }
        return null;
    }

    private void logIn(SimExchange ex) throws IOException {
        Map<String, String> body = SimWire.flatObject(ex.body());
        if (body == null || !body.containsKey("login") || !body.containsKey("password")) {
            ex.respond(400, contentType(), errorBody("InvalidContent",
                    "The body must be a JSON object with 'login' and 'password'."));
            return;
        }
        String user = user(body.get("login"), body.get("password"));
        if (user == null) {
            rejected.incrementAndGet();
            ex.respond(401, contentType(), errorBody("InvalidCredentials", "Invalid login or password."));
            return;
        }
        String sid = SimData.hex(seed, 7_000_000L + sidCounter.incrementAndGet(), 32);
        sids.put(sid, user);
        logins.incrementAndGet();
        ex.responseHeader("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly");
        ex.respond(200, contentType(), SimWire.json(g -> g.writeString(sid)));
    }

    private void logOut(SimExchange ex) throws IOException {
        String sid = SimWire.cookie(ex.header("Cookie"), "sid");
        if (sid == null || sids.remove(sid) == null) {
            rejected.incrementAndGet();
            ex.respond(401, contentType(), errorBody("Unauthorized", EXPIRED));
            return;
        }
        logouts.incrementAndGet();
        ex.responseHeader("Set-Cookie", "sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        ex.respond(204, null, new byte[0]);
    }

    private void current(SimExchange ex, String login) throws IOException {
        int u = List.of(USERS).indexOf(login);
        ex.respond(200, contentType(), SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("id", userId(u));
            g.writeStringField("login", login);
            g.writeStringField("name", LOGIN.equals(login) ? "Administrator" : "Viewer");
            g.writeStringField("email", login + "@example.com");
            g.writeArrayFieldStart("permissions");
            if (LOGIN.equals(login)) {
                g.writeString(LOG_PERMISSION);
            }
            g.writeString("read-objects");
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private void log(SimExchange ex) throws IOException {
        Long from;
        Long to;
        Long limit;
        Long skip;
        try {
            from = number(ex, "from");
            to = number(ex, "to");
            limit = number(ex, "limit");
            skip = number(ex, "skip");
            if ((limit != null && limit < 0) || (skip != null && skip < 0)) {
                throw new NumberFormatException("negative");
            }
        } catch (NumberFormatException e) {
            ex.respond(400, contentType(), errorBody("BadRequest",
                    "from, to, limit and skip must be non-negative integers"));
            return;
        }
        logRequests.incrementAndGet();
        State state = new State(this); // the log as it is when the request arrives
        int grow = insertPerPage;
        if (grow > 0) {
            insertNewest(grow); // logged while this page is on its way: seen by the next request
        }
        long max = limit == null || limit == 0 ? Long.MAX_VALUE : limit;
        long first = skip == null ? 0 : skip;
        ex.respondStreaming(200, contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartArray();
                walk(state, from, to, first, max, s -> {
                    write(g, s);
                    served.incrementAndGet();
                });
                g.writeEndArray();
            }
        });
    }

    private static Long number(SimExchange ex, String name) {
        String v = ex.query(name);
        return v == null || v.isEmpty() ? null : Long.parseLong(v.strip());
    }

    private static void write(JsonGenerator g, SaymonSession s) throws IOException {
        g.writeStartObject();
        millis(g, "startTime", s.startTime());
        millis(g, "endTime", s.endTime());
        millis(g, "expiredAt", s.expiredAt());
        g.writeStringField("userId", s.userId());
        g.writeStringField("login", s.login());
        g.writeStringField("id", s.id());
        g.writeEndObject();
    }

    private static void millis(JsonGenerator g, String name, Instant t) throws IOException {
        if (t == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, t.toEpochMilli());
        }
    }

    /** What one request sees: the generated keys {@code kMin..kMax} (newest first) and the added records. */
    private static final class State {
        final long seed;
        final long kMin;
        final long kMax;
        final long anchor;
        final List<SaymonSession> extra;

        State(SaymonSimulator sim) {
            this.seed = sim.seed;
            this.kMin = -sim.inserted.get();
            this.kMax = sim.generated - 1L;
            this.anchor = sim.anchor().toEpochMilli();
            List<SaymonSession> e = new ArrayList<>(sim.extra);
            e.addAll(sim.scenarioRecords());
            e.sort(Comparator.comparing(SaymonSession::startTime).reversed().thenComparing(SaymonSession::id));
            this.extra = e;
        }

        /** Start of generated record {@code k}: strictly decreasing in k. */
        long time(long k) {
            // the newest generated record starts about four hours before the anchor, so every one that
            // ends has ended by then
            return anchor - LONGEST_MS - (k + 1) * STEP_MS - Math.floorMod(SimData.mix(seed, k, 21), JITTER_MS);
        }

        /** The first key in [lo, hi] whose time is below {@code t} (older), or hi + 1. */
        long firstOlderThan(long lo, long hi, long t) {
            long a = lo;
            long b = hi + 1;
            while (a < b) {
                long m = a + (b - a) / 2;
                if (time(m) < t) {
                    b = m;
                } else {
                    a = m + 1;
                }
            }
            return a;
        }
    }

    @FunctionalInterface
    private interface Sink {
        void accept(SaymonSession s) throws IOException;
    }

    /** The records in [from, to] (by startTime), newest first, after {@code skip}, at most {@code limit}. */
    private void forEach(State st, Long from, Long to, long skip, long limit, Sink sink) {
        try {
            walk(st, from, to, skip, limit, sink);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void walk(State st, Long from, Long to, long skip, long limit, Sink sink) throws IOException {
        // generated keys inside the bounds: g .. gEnd
        long g = to == null || to == Long.MAX_VALUE ? st.kMin : st.firstOlderThan(st.kMin, st.kMax, to + 1);
        long gEnd = from == null ? st.kMax : st.firstOlderThan(st.kMin, st.kMax, from) - 1;
        List<SaymonSession> ex = new ArrayList<>();
        for (SaymonSession s : st.extra) {
            long t = s.startTime().toEpochMilli();
            if ((from == null || t >= from) && (to == null || t <= to)) {
                ex.add(s);
            }
        }
        int e = 0;
        long s = skip;
        while (s > 0) {
            if (e < ex.size()) {
                long newer = st.firstOlderThan(g, gEnd, ex.get(e).startTime().toEpochMilli()) - g;
                long take = Math.min(Math.max(newer, 0), s);
                g += take;
                s -= take;
                if (s > 0) {
                    e++;
                    s--;
                }
            } else {
                long take = Math.min(Math.max(gEnd + 1 - g, 0), s);
                g += take;
                s -= take;
                break;
            }
        }
        for (long n = 0; n < limit; n++) {
            boolean hasG = g <= gEnd;
            boolean hasE = e < ex.size();
            if (hasG && (!hasE || st.time(g) >= ex.get(e).startTime().toEpochMilli())) {
                sink.accept(record(st, g++));
            } else if (hasE) {
                sink.accept(ex.get(e++));
            } else {
                break;
            }
        }
    }

    private SaymonSession record(State st, long k) {
        long start = st.time(k);
        int u = (int) Math.floorMod(SimData.mix(st.seed, k, 22), (long) USERS.length - 1); // the viewer never logs in
        long length = 60_000 + Math.floorMod(SimData.mix(st.seed, k, 23), LONGEST_MS - 60_000);
        // a session still running at the anchor stays open: generated history is fixed
        boolean open = Math.floorMod(SimData.mix(st.seed, k, 24), 8L) == 0 || (k >= 0 && start + length > st.anchor);
        String id = String.format("%08x", start / 1000) + SimData.hex(st.seed, k, 16);
        return new SaymonSession(id, userId(u), USERS[u], Instant.ofEpochMilli(start),
                open ? null : Instant.ofEpochMilli(start + length), Instant.ofEpochMilli(start + length + 1_800_000));
    }

    private String userId(int u) {
        return String.format("%08x", 0x5f5f4200 + u) + SimData.hex(seed, -1000 - u, 16);
    }

    // ---- the user list and the users' audit logs: served by SaymonAuditApi ----

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
     * Makes {@code login}'s audit log answer {@code status} with a SAYMON error body until the
     * simulator's clock reaches {@code until}, then heal by itself: a user failing for a while, as a
     * feed sees it between polls. {@link #failAuditLogOf(String, int) failAuditLogOf(login, 0)} heals it
     * sooner.
     *
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

    long seed() {
        return seed;
    }

    /** The simulator's own users, then those only the scenario names. */
    List<String> userLogins() {
        List<String> all = new ArrayList<>(List.of(USERS));
        for (String p : scenario.people()) {
            if (!all.contains(p)) {
                all.add(p);
            }
        }
        return all;
    }

    /** How many of {@link #userLogins()} are the simulator's own (the others have no generated history). */
    int ownUsers() {
        return USERS.length;
    }

    /** The scenario's audit steps the clock has reached. */
    List<ScenarioPlayback.Entry> scenarioAudit() {
        return scenario.audit(anchor(), publishedBy());
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
