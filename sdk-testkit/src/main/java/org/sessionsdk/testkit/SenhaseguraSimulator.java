package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.sessionsdk.senhasegura.SenhaseguraSession;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;

/**
 * senhasegura (Segura) PAM's A2A REST API on loopback: OAuth 2 client credentials
 * ({@code POST /iso/oauth2/token}) and the remote sessions: list
 * ({@code GET /api/session/remotesessions}, also at the older {@code /api/pam/session/remotesessions}
 * and {@code /iso/session/remotesessions}), one by id ({@code GET .../remotesessions/{id}}, key
 * {@code remote_session}, an array) and terminate ({@code DELETE /api/pam/session/drop/{session_id}},
 * also {@code /iso/session/drop/...}).
 *
 * <p>Tokens: the client id and secret come in the form body or a Basic header; a wrong client is a
 * 401 {@code {"error":"invalid_client","error_description":"Client authentication failed",...}} (what
 * the PHP League OAuth 2 server, which the token endpoint's answers resemble, sends). Tokens live
 * {@link #withTokenLifetime} (default 3600 s, the {@code expires_in} sent) by the simulator's clock
 * ({@link #withClock}); {@link #expireTokens()} invalidates all at once. A call without
 * {@code Authorization} gets the API gateway's 401 {@code {"message":"No route matched with those
 * values."}}; an unknown or expired token the envelope "Client authentication failed." (status 401 by
 * default, or inside another status such as 200 with {@link #rejectTokensWith(int)}). OAuth 1.0a is
 * not simulated: an {@code Authorization: OAuth ...} request is refused with "Invalid signature".
 *
 * <p>Sessions {@code 0..n-1} are generated on the fly from the seed (a million cost no memory) and
 * the list is streamed: record {@code i} has {@code id = i + 1}, starts about a minute after record
 * {@code i - 1}, the newest about 3 hours before the {@linkplain #anchor() anchor} (server local time in
 * the simulator's zone); about one in eight, the newest, and any still running at the anchor are live
 * (empty {@code end} and {@code time}). {@link #withScenario} adds rows and fills their end as the
 * clock moves. Terminating a live session ends it (its {@code end} is
 * the simulator's now) so it is no longer live; an unknown or ended one is a 404
 * "Resource sub not found", as is any unknown path.
 */
public final class SenhaseguraSimulator extends Simulator {
    /** The OAuth 2 client id {@link #client()} signs in with. */
    public static final String CLIENT_ID = "testkit-a2a-client";
    /** The OAuth 2 client secret of {@link #CLIENT_ID}. */
    public static final String CLIENT_SECRET = "testkit-a2a-secret/+=";
    /** Where tokens are issued ({@code POST}). */
    public static final String TOKEN_PATH = "/iso/oauth2/token";
    /** Where the list lives; the older paths answer too. */
    public static final String SESSIONS_PATH = "/api/session/remotesessions";
    /** Where sessions are ended: {@code DELETE {TERMINATE_PATH}/{session_id}}. */
    public static final String TERMINATE_PATH = "/api/pam/session/drop";
    /** The vendor's text for an unknown or expired token. */
    /** The vendor's texts. */
    public static final String CLIENT_AUTH_FAILED = "Client authentication failed.";
    /** The vendor's text for an unknown path, id or session. */
    public static final String NOT_FOUND = "Resource sub not found";
    /** The API gateway's text for a call without {@code Authorization}. */
    public static final String NO_ROUTE = "No route matched with those values.";
    /** The vendor's text for a refused permission, e.g. for {@link #errorBody(int, String)}. */
    public static final String NOT_AUTHORIZED = "You are not authorized to access this resource.";

    private final SenhaseguraVariants variants = new SenhaseguraVariants();

    private volatile long seed = 42;
    private volatile int generated = 10;
    private volatile ZoneId zone = ZoneOffset.UTC;
    private volatile ScenarioPlayback scenario = ScenarioPlayback.NONE;
    private volatile Duration tokenLifetime = Duration.ofHours(1);
    private volatile int rejectionStatus = 401;
    private volatile boolean nested;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<Integer, LocalDateTime> ended = new ConcurrentHashMap<>();
    private final List<SenhaseguraSession> extra = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenCounter = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger listRequests = new AtomicInteger();
    private final AtomicInteger rejectedTokens = new AtomicInteger();
    private final AtomicInteger terminations = new AtomicInteger();

    private SenhaseguraSimulator(InetSocketAddress address) {
        super("senhasegura", address);
    }

    private SenhaseguraSimulator(SenhaseguraSimulator parent, int number) {
        super(parent, number);
        this.seed = parent.seed * 1_000_003L + number;
        this.generated = parent.generated;
        this.zone = parent.zone;
        this.tokenLifetime = parent.tokenLifetime;
    }

    @Override
    protected SenhaseguraSimulator newTenant(int number) {
        return new SenhaseguraSimulator(this, number);
    }

    /**
     * The server served under {@code /t/<number>} on this simulator's port: its own sessions, tokens,
     * journal, faults and clock, made on first use. Its {@link #client()} points at it.
     *
     * @param number 1 to {@link Simulator#MAX_TENANTS}
     * @return the tenant
     */
    public SenhaseguraSimulator tenant(int number) {
        return tenantOf(number);
    }

    /**
     * Plays a scenario from the anchor on: the list gains a row when a session starts, and its
     * {@code end} and {@code time} are filled when it ends (or a client drops it by
     * {@code session_id}). Rows are numbered after the generated ones ({@link #sessionId(String)}).
     *
     * @param scenario what happens
     * @return this simulator
     */
    public SenhaseguraSimulator withScenario(Scenario scenario) {
        this.scenario = new ScenarioPlayback(scenario);
        useScenarioConditions(scenario);
        return this;
    }

    /**
     * The numeric {@code id} a scenario session's row has here: numbered after the generated rows, in
     * the order the scenario starts them. Its 40-hex {@code session_id} is in the row.
     *
     * @param label the session's label in the scenario
     * @return its row id
     * @throws IllegalArgumentException if the scenario has no such session
     */
    public String sessionId(String label) {
        ScenarioPlayback.Lived l = scenario.session(label, anchor(), Instant.MAX);
        if (l == null) {
            throw new IllegalArgumentException("the scenario has no session " + label);
        }
        return String.valueOf(generated + 1 + l.ordinal());
    }

    /** The scenario's sessions as of now, as rows. */
    private List<SenhaseguraSession> scenarioRows() {
        List<SenhaseguraSession> out = new ArrayList<>();
        long s = seed;
        for (ScenarioPlayback.Lived l : scenario.sessions(anchor(), publishedBy())) {
            LocalDateTime start = LocalDateTime.ofInstant(l.start(), zone);
            LocalDateTime end = l.end() == null ? null : LocalDateTime.ofInstant(l.end(), zone);
            out.add(new SenhaseguraSession(String.valueOf(generated + 1 + l.ordinal()), l.user(),
                    l.address(), "root", "10.66.0.1:22", "ssh", "SSH Proxy", sessionId(s, -1 - l.ordinal()), start,
                    end, end == null ? null : Duration.between(l.start(), l.end()), false, null, null));
        }
        return out;
    }

    /** {@return a started simulator with 10 generated remote sessions} */
    public static SenhaseguraSimulator start() {
        return new SenhaseguraSimulator(null);
    }

    /**
     * A simulator on the given address, for a harness outside the JVM that needs a known port
     * ({@code sessions simulate}); otherwise like {@link #start()}.
     *
     * @param address where to listen: port 0 for an ephemeral one; any address but loopback makes the
     *     simulator reachable from other machines
     * @return a started simulator with 10 generated remote sessions
     * @throws java.io.UncheckedIOException if the port cannot be opened (e.g. it is in use)
     */
    public static SenhaseguraSimulator start(InetSocketAddress address) {
        return new SenhaseguraSimulator(Objects.requireNonNull(address, "address"));
    }

    /**
     * {@code n} generated remote sessions (made as they are listed, none stored).
     *
     * @param n how many, not negative
     * @return this simulator
     */
    public SenhaseguraSimulator withSessions(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        this.generated = n;
        return this;
    }

    /**
     * The seed of the generated data (default 42): the same seed gives the same sessions.
     *
     * @param seed any value
     * @return this simulator
     */
    public SenhaseguraSimulator withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The zone of the server's offset-less {@code start}/{@code end} (default UTC).
     *
     * @param zone the server's zone
     * @return this simulator
     */
    public SenhaseguraSimulator withZone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * The clock the simulator answers by (default the system's): tokens expire by it, terminations are
     * stamped with it, and generated sessions are placed just before its current instant (the
     * {@linkplain #anchor() anchor}).
     *
     * @param clock the clock, e.g. a {@link SimClock}
     * @return this simulator
     */
    public SenhaseguraSimulator withClock(Clock clock) {
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
    public SenhaseguraSimulator withClockSkew(java.time.Duration skew) {
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
    public SenhaseguraSimulator withClockDrift(java.time.Duration perHour) {
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
    public SenhaseguraSimulator withLateRows(java.time.Duration delay) {
        useLateRows(delay);
        return this;
    }

    /**
     * The server's zone: the same as {@link #withZone(ZoneId)}. senhasegura writes {@code start} and
     * {@code end} as local times without an offset, so at the fall-back of daylight saving two sessions
     * an hour apart read the same, and the spring-forward hour is never written.
     *
     * @param zone the server's zone, e.g. {@code ZoneId.of("Europe/Berlin")}
     * @return this simulator
     */
    public SenhaseguraSimulator withServerZone(java.time.ZoneId zone) {
        useServerZone(zone);
        return this;
    }

    @Override
    protected void useServerZone(java.time.ZoneId zone) {
        withZone(zone);
    }

    /**
     * How long new tokens live ({@code expires_in}); at least a second.
     *
     * @param lifetime the token lifetime (default one hour)
     * @return this simulator
     */
    public SenhaseguraSimulator withTokenLifetime(Duration lifetime) {
        if (lifetime.getSeconds() < 1) {
            throw new IllegalArgumentException("a token lives at least a second");
        }
        this.tokenLifetime = lifetime;
        return this;
    }

    /**
     * The HTTP status of the "Client authentication failed." envelope for an unknown or expired token
     * (default 401; senhasegura may also say it inside a 200).
     *
     * @param status the HTTP status to answer with
     * @return this simulator
     */
    public SenhaseguraSimulator rejectTokensWith(int status) {
        this.rejectionStatus = status;
        return this;
    }

    /**
     * Answer the list the way the vendor's own example shows it: a whole envelope inside {@code remote_sessions}.
     *
     * @param on true for the nested form
     * @return this simulator
     */
    public SenhaseguraSimulator withNestedEnvelope(boolean on) {
        this.nested = on;
        return this;
    }

    /**
     * Adds a session the test chooses, listed after the generated ones.
     *
     * @param session the session
     * @return this simulator
     */
    public SenhaseguraSimulator withSession(SenhaseguraSession session) {
        Objects.requireNonNull(session.id(), "id");
        extra.add(session);
        return this;
    }

    /**
     * Plays one API version: only its remote-sessions and terminate paths answer (the others are 404
     * "Resource sub not found"), with its tenant and terminate answer. Default {@link SenhaseguraApiVersion#ANY}.
     *
     * @param version the version
     * @return this simulator
     */
    public SenhaseguraSimulator withApiVersion(SenhaseguraApiVersion version) {
        variants.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /**
     * The token endpoint takes the client's id and secret only in a Basic header, as 3.25's docs say: in
     * the form body they get 401 {@code invalid_client} "Client authentication failed".
     *
     * @return this simulator
     */
    public SenhaseguraSimulator withTokenBasicHeaderOnly() {
        variants.tokenForm = SenhaseguraVariants.TokenForm.BASIC_ONLY;
        return this;
    }

    /**
     * The token endpoint takes the client's id and secret only in the form body (the newest docs).
     *
     * @return this simulator
     */
    public SenhaseguraSimulator withTokenFormBodyOnly() {
        variants.tokenForm = SenhaseguraVariants.TokenForm.BODY_ONLY;
        return this;
    }

    /**
     * The single-session answer ({@code GET .../remotesessions/{id}}) masks {@code session_id}
     * ({@code df06257a1****...9104dc43}) as the docs' example does; the list keeps it whole.
     *
     * @param on true to mask
     * @return this simulator
     */
    public SenhaseguraSimulator withMaskedSessionIdInGet(boolean on) {
        variants.maskSingleSessionId = on;
        return this;
    }

    /** Invalidates every token issued so far: the next call with one is refused. */
    public void expireTokens() {
        tokens.clear();
    }

    /** {@return the zone of the server's offset-less times} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return a client for this simulator: OAuth 2 with the id and secret in the form body; close it} */
    public SenhaseguraClient client() {
        return clientBuilder().build();
    }

    /** {@return a client builder set up for this simulator (endpoint, OAuth 2 credentials, zone)} */
    public SenhaseguraClient.Builder clientBuilder() {
        return SenhaseguraClient.builder().endpoint(endpoint())
                .credentials(SenhaseguraCredentials.oauth2(CLIENT_ID, CLIENT_SECRET)).serverZone(zone);
    }

    /** {@return requests to the token endpoint, refused ones included} */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** {@return tokens issued} */
    public int tokensIssued() {
        return tokenCounter.get();
    }

    /** {@return requests refused for an unknown or expired token} */
    public int rejectedTokens() {
        return rejectedTokens.get();
    }

    /** {@return list requests answered} */
    public int listRequests() {
        return listRequests.get();
    }

    /** {@return sessions ended by a terminate call} */
    public int terminations() {
        return terminations.get();
    }

    /**
     * Generated session {@code index} as the API reports it now.
     *
     * @param index from 0 to the number of generated sessions, excluded
     * @return the session, {@code id = index + 1}
     * @throws IndexOutOfBoundsException if there is no such generated session
     */
    public SenhaseguraSession session(int index) {
        if (index < 0 || index >= generated) {
            throw new IndexOutOfBoundsException(index);
        }
        return generated(seed, index);
    }

    /** {@return every session as the list reports it; builds a list, so for modest sizes} */
    public List<SenhaseguraSession> sessions() {
        List<SenhaseguraSession> all = new ArrayList<>();
        long s = seed;
        for (int i = 0; i < generated; i++) {
            all.add(generated(s, i));
        }
        all.addAll(extra);
        all.addAll(scenarioRows());
        return all;
    }

    /**
     * A senhasegura error envelope, e.g. for {@code faults().failNext(500, errorBody(500, NOT_AUTHORIZED))}.
     *
     * @param status  the status written in the envelope
     * @param message the error text
     * @return the JSON body
     */
    public static String errorBody(int status, String message) {
        return SimWire.json(g -> {
            g.writeStartObject();
            g.writeNumberField("code", status);
            writeResponse(g, status, message);
            g.writeEndObject();
        });
    }

    @Override
    protected void handle(SimExchange ex) throws IOException {
        String path = ex.path();
        if (path.equals(TOKEN_PATH)) {
            token(ex);
            return;
        }
        String listPath = variants.listPath(path);
        String dropPath = variants.dropPath(path);
        if (listPath == null && dropPath == null) {
            ex.respond(404, contentType(), errorBody(404, NOT_FOUND));
            return;
        }
        if (!authorized(ex)) {
            return;
        }
        if (listPath != null && "GET".equals(ex.method())) {
            String rest = path.substring(listPath.length());
            if (rest.isEmpty() || rest.equals("/")) {
                list(ex);
            } else {
                one(ex, rest.substring(1));
            }
        } else if (dropPath != null && "DELETE".equals(ex.method())) {
            drop(ex, path.substring(dropPath.length() + 1));
        } else {
            ex.respond(404, contentType(), errorBody(404, NOT_FOUND));
        }
    }

    private void token(SimExchange ex) throws IOException {
        tokenRequests.incrementAndGet();
        if (!"POST".equals(ex.method())) {
            ex.respond(405, contentType(), oauthError("invalid_request", "The token endpoint takes POST."));
            return;
        }
        Map<String, String> form = SimWire.form(ex.bodyText());
        if (!"client_credentials".equals(form.get("grant_type"))) {
            ex.respond(400, contentType(), oauthError("unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server."));
            return;
        }
        String[] basic = SimWire.basic(ex.header("Authorization"));
        // RFC 6749 2.3.1: a client's id and secret in a Basic header are form-urlencoded
        String id = basic != null ? URLDecoder.decode(basic[0], StandardCharsets.UTF_8) : form.get("client_id");
        String secret = basic != null ? URLDecoder.decode(basic[1], StandardCharsets.UTF_8) : form.get("client_secret");
        if (!CLIENT_ID.equals(id) || !CLIENT_SECRET.equals(secret) || !variants.acceptsTokenForm(basic != null)) {
            ex.respond(401, contentType(), oauthError("invalid_client", "Client authentication failed"));
            return;
        }
        int n = tokenCounter.incrementAndGet();
        String token = SimData.hex(seed, 3_000_000L + n, 40);
        Duration life = tokenLifetime;
        tokens.put(token, clock().instant().plus(life));
        ex.respond(200, contentType(), SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("token_type", "Bearer");
            g.writeNumberField("expires_in", life.getSeconds());
            g.writeStringField("access_token", token);
            g.writeEndObject();
        }));
    }

    /** Whether the bearer token is good; answers the refusal when not. */
    private boolean authorized(SimExchange ex) throws IOException {
        String authorization = ex.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            ex.respond(401, contentType(), SimWire.json(g -> {
                g.writeStartObject();
                g.writeStringField("message", NO_ROUTE);
                g.writeEndObject();
            }));
            return false;
        }
        if (authorization.regionMatches(true, 0, "OAuth ", 0, 6)) {
            ex.respond(401, contentType(), errorBody(401, "Invalid signature"));
            return false;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Instant expires = tokens.get(authorization.substring(7).strip());
            if (expires != null && clock().instant().isBefore(expires)) {
                return true;
            }
        }
        rejectedTokens.incrementAndGet();
        int status = rejectionStatus;
        ex.respond(status, contentType(), errorBody(401, CLIENT_AUTH_FAILED));
        return false;
    }

    private void list(SimExchange ex) throws IOException {
        listRequests.incrementAndGet();
        long s = seed;
        int n = generated;
        List<SenhaseguraSession> added = new ArrayList<>(extra);
        added.addAll(scenarioRows());
        boolean nest = nested;
        ex.respondStreaming(200, contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartObject();
                g.writeNumberField("code", 200);
                writeResponse(g, 200, "");
                if (nest) {
                    g.writeArrayFieldStart("remote_sessions");
                    g.writeStartObject();
                    g.writeNumberField("code", 200);
                    writeResponse(g, 200, "");
                }
                g.writeStringField("tenant", variants.version.tenant());
                g.writeArrayFieldStart("remote_sessions");
                for (int i = 0; i < n; i++) {
                    write(g, generated(s, i));
                }
                for (SenhaseguraSession r : added) {
                    write(g, r);
                }
                g.writeEndArray();
                if (nest) {
                    g.writeEndObject();
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
        });
    }

    private void one(SimExchange ex, String id) throws IOException {
        SenhaseguraSession found = find(id);
        if (found == null) {
            ex.respond(404, contentType(), errorBody(404, NOT_FOUND));
            return;
        }
        ex.respond(200, contentType(), SimWire.json(g -> {
            g.writeStartObject();
            g.writeNumberField("code", 200);
            writeResponse(g, 200, "");
            g.writeArrayFieldStart("remote_session");
            write(g, variants.single(found));
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private SenhaseguraSession find(String id) {
        try {
            long i = Long.parseLong(id) - 1;
            if (i >= 0 && i < generated) {
                return generated(seed, (int) i);
            }
        } catch (NumberFormatException notGenerated) {
            // an added session may have any id
        }
        return java.util.stream.Stream.concat(extra.stream(), scenarioRows().stream()).filter(r -> r.id().equals(id))
                .findFirst().orElse(null);
    }

    private void drop(SimExchange ex, String sessionId) throws IOException {
        LocalDateTime now = LocalDateTime.ofInstant(clock().instant(), zone).truncatedTo(ChronoUnit.SECONDS);
        boolean done = false;
        Integer index = generatedIndex(sessionId);
        if (index != null) {
            SenhaseguraSession r = generated(seed, index);
            done = r.open() && ended.putIfAbsent(index, now) == null;
        } else {
            for (SenhaseguraSession r : extra) {
                if (r.sessionId() != null && r.sessionId().equals(sessionId) && r.open()) {
                    done = extra.remove(r);
                    if (done) {
                        extra.add(ended(r, now));
                    }
                    break;
                }
            }
        }
        if (index == null && !done) {
            Instant at = clock().instant().truncatedTo(ChronoUnit.SECONDS);
            for (ScenarioPlayback.Lived l : scenario.sessions(anchor(), at)) {
                if (sessionId(seed, -1 - l.ordinal()).equals(sessionId)) {
                    done = scenario.terminate(l.label(), anchor(), at);
                }
            }
        }
        if (!done) {
            ex.respond(404, contentType(), errorBody(404, NOT_FOUND));
            return;
        }
        terminations.incrementAndGet();
        ex.respond(200, contentType(), variants.dropped());
    }

    /** The index of a generated session id: 32 hex from the seed, then the index in 8 hex. */
    private Integer generatedIndex(String sessionId) {
        if (sessionId.length() != 40) {
            return null;
        }
        try {
            int i = Integer.parseUnsignedInt(sessionId.substring(32), 16);
            return i >= 0 && i < generated && sessionId.equals(sessionId(seed, i)) ? i : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String sessionId(long seed, int i) {
        StringBuilder sb = new StringBuilder(40);
        hex(sb, SimData.mix(seed, i, 40), 16);
        hex(sb, SimData.mix(seed, i, 41), 16);
        hex(sb, i, 8);
        return sb.toString();
    }

    private static void hex(StringBuilder sb, long v, int digits) {
        for (int k = digits - 1; k >= 0; k--) {
            sb.append(Character.forDigit((int) (v >>> (4 * k)) & 15, 16));
        }
    }

    private static SenhaseguraSession ended(SenhaseguraSession r, LocalDateTime end) {
        Duration d = r.start() == null || end.isBefore(r.start()) ? Duration.ZERO : Duration.between(r.start(), end);
        return new SenhaseguraSession(r.id(), r.user(), r.originIp(), r.credential(), r.device(), r.protocol(), r.proxy(),
                r.sessionId(), r.start(), end, d, r.preventPurge(), r.request(), r.itsm());
    }

    private SenhaseguraSession generated(long s, int i) {
        int protocol = (int) Math.floorMod(SimData.mix(s, i, 31), 3L);
        String proto = new String[] {"ssh", "rdp", "https"}[protocol];
        int port = new int[] {22, 3389, 443}[protocol];
        long m = SimData.mix(s, i, 32);
        String device = "10.66." + Math.floorMod(m, 256L) + "." + (1 + Math.floorMod(m >>> 8, 254L)) + ":" + port;
        // a minute apart, the newest three hours before the anchor, so all but the longest have ended
        Instant startAt = anchor().minusSeconds(60L * (generated - i) + 3 * 3600 + 5)
                .plusSeconds(Math.floorMod(SimData.mix(s, i, 33), 30L));
        LocalDateTime start = LocalDateTime.ofInstant(startAt, zone);
        long seconds = Math.floorMod(SimData.mix(s, i, 35), 40L) == 0
                ? 24 * 3600 + Math.floorMod(SimData.mix(s, i, 36), 36 * 3600L) // hours beyond 24
                : 5 + Math.floorMod(SimData.mix(s, i, 36), 3 * 3600L);
        // a session still running at the anchor stays open: generated history is fixed
        boolean live = i == generated - 1 || Math.floorMod(SimData.mix(s, i, 34), 8L) == 0
                || startAt.plusSeconds(seconds).isAfter(anchor());
        boolean withRequest = Math.floorMod(SimData.mix(s, i, 37), 6L) == 0;
        SenhaseguraSession r = new SenhaseguraSession(String.valueOf(i + 1),
                SimData.pick(s, i, "Admin", "mjones", "asilva", "svc-backup", "rsouza"),
                SimData.ip(s, i),
                SimData.pick(s, i + 1, "usrdomadm01", "usrsudonopass", "root", "Administrator", "svc_oracle"),
                device, proto,
                SimData.pick(s, i + 2, "Web Proxy", "Web Proxy", "SSH Proxy", "RDP Proxy"),
                sessionId(s, i), start,
                live ? null : start.plusSeconds(seconds),
                live ? null : Duration.ofSeconds(seconds),
                Math.floorMod(SimData.mix(s, i, 38), 10L) == 0,
                withRequest ? "Maintenance window CHG" + (1000 + i) : null,
                withRequest ? "INC" + (1_000_000 + i) : null);
        LocalDateTime end = ended.get(i);
        return end == null ? r : ended(r, end);
    }

    private static void write(JsonGenerator g, SenhaseguraSession r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("user", r.user());
        g.writeStringField("origin_ip", r.originIp());
        g.writeStringField("credential", r.credential());
        g.writeStringField("device", r.device());
        g.writeStringField("protocol", r.protocol());
        g.writeStringField("proxy", r.proxy());
        g.writeStringField("session_id", r.sessionId());
        g.writeStringField("start", r.start() == null ? "" : wire(r.start()));
        g.writeStringField("end", r.end() == null ? "" : wire(r.end()));
        g.writeStringField("time", r.duration() == null ? "" : elapsed(r.duration()));
        g.writeStringField("prevent_purge", r.preventPurge() ? "Yes" : "No");
        g.writeStringField("request", r.request());
        g.writeStringField("ITSM", r.itsm());
        g.writeEndObject();
    }

    /** {@code HH:MM:SS}, hours beyond 24 kept. Written by hand: the list may hold a million of these. */
    private static String elapsed(Duration d) {
        StringBuilder sb = new StringBuilder(10);
        long h = d.toHours();
        if (h < 10) {
            sb.append('0');
        }
        sb.append(h).append(':');
        two(sb, d.toMinutesPart()).append(':');
        return two(sb, d.toSecondsPart()).toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss}, by hand for the same reason. */
    private static String wire(LocalDateTime t) {
        StringBuilder sb = new StringBuilder(19);
        sb.append(t.getYear()).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        return two(sb, t.getSecond()).toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void writeResponse(JsonGenerator g, int status, String message) throws IOException {
        boolean error = status >= 400;
        g.writeObjectFieldStart("response");
        g.writeNumberField("status", status);
        g.writeStringField("message", message);
        g.writeBooleanField("error", error);
        g.writeNumberField("error_code", error ? status : 0);
        g.writeStringField("detail", "");
        g.writeStringField("mensagem", portuguese(message));
        g.writeBooleanField("erro", error);
        g.writeNumberField("cod_erro", error ? status : 0);
        g.writeEndObject();
    }

    private static String portuguese(String message) {
        return switch (message) {
            case CLIENT_AUTH_FAILED -> "Falha na autenticação do cliente.";
            case NOT_FOUND -> "Recurso não encontrado";
            case NOT_AUTHORIZED -> "Você não tem autorização para acessar este recurso.";
            default -> message;
        };
    }

    private static String oauthError(String error, String description) {
        return SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("error", error);
            g.writeStringField("error_description", description);
            g.writeStringField("message", description);
            g.writeEndObject();
        });
    }

    @Override
    protected String malformedBody() {
        return "{\"code\":200,\"response\":{\"status\":200,\"error\":false},\"remote_sessions\":[{\"id\":\"1\","
                + "\"start\":\"yesterday\",\"end\":";
    }

    @Override
    protected String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    protected String stallPrefix() {
        return "{\"code\":200,\"response\":{\"status\":200,";
    }
}
