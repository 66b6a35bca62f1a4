package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSession;

/**
 * The Ekran System (Syteca) REST API on loopback: {@code GET /ekranapi/sessions?start=..&end=..} with
 * the {@code ApiKey} header.
 *
 * <p>Sessions {@code 0..n-1} are generated on the fly from the seed (none is stored, so a million
 * cost no memory): session {@code i} has {@code sessionId = i + 1} and logs in about 20 minutes after
 * session {@code i - 1}, for 5 minutes to 6 hours, the newest about 6 hours before the
 * {@linkplain #anchor() anchor}; the newest two are still open ({@code logoutDate} null).
 * {@link #withSession(EkranSession)} adds sessions a test chooses; {@link #withScenario} makes sessions
 * start and end as the clock moves.
 *
 * <p>The window follows Ekran's documented rules: no bounds gives every session; a session is
 * selected when it overlaps the window, and its dates are clipped to it (a {@code loginDate} before
 * {@code start} becomes {@code start}, a {@code logoutDate} after {@code end}, or a missing one, becomes
 * {@code end}; Ekran uses the first and last activity inside the window, which the simulator takes to
 * be the bounds themselves, or now for an open session when the window reaches past now). {@code start}/{@code end} are local times in the simulator's zone
 * ({@link #withZone}, UTC by default) in the three documented forms; anything else is a 400. Dates go
 * out with the zone's offset, as {@code 2026-01-05T08:00:00.000+00:00}.
 *
 * <p>A missing or wrong key is a 401 with the ASP.NET body
 * {@code {"message":"Authorization has been denied for this request."}} (Ekran's real body is
 * undocumented); a bad bound is a 400 ASP.NET Core validation problem ({@code application/problem+json}).
 */
public final class EkranSimulator extends Simulator {
    /** The key {@link #client()} signs in with; punctuation included, as real keys have. */
    public static final String API_KEY = "ek-Testkit.Key/42+==";
    /** The header Ekran reads the key from. */
    public static final String API_KEY_HEADER = "ApiKey";
    /** The message of a 401. */
    public static final String DENIED = "Authorization has been denied for this request.";

    static final String PATH = "/ekranapi/sessions";
    private static final long STEP_SECONDS = 20 * 60;
    private static final long JITTER_SECONDS = 10 * 60;
    private static final long MIN_SECONDS = 5 * 60;
    private static final long MAX_SECONDS = 6 * 3600;
    private static final int OPEN = 2;
    static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);

    private volatile long seed = 42;
    private volatile int generated = 10;
    private volatile ZoneId zone = ZoneOffset.UTC;
    private final List<EkranSession> extra = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private final EkranAlertsApi alerts = new EkranAlertsApi(this);
    private final EkranDetailsApi details = new EkranDetailsApi(this);
    private final EkranAccessRequestsApi accessRequests = new EkranAccessRequestsApi(this);

    private volatile ScenarioPlayback scenario = ScenarioPlayback.NONE;

    private EkranSimulator(InetSocketAddress address) {
        super("ekran", address);
    }

    private EkranSimulator(EkranSimulator parent, int number) {
        super(parent, number);
        this.seed = parent.seed * 1_000_003L + number;
        this.generated = parent.generated;
        this.zone = parent.zone;
    }

    @Override
    protected EkranSimulator newTenant(int number) {
        return new EkranSimulator(this, number);
    }

    /**
     * The server served under {@code /t/<number>} on this simulator's port: its own sessions, journal,
     * faults and clock, made on first use. Its {@link #client()} points at it.
     *
     * @param number 1 to {@link Simulator#MAX_TENANTS}
     * @return the tenant
     */
    public EkranSimulator tenant(int number) {
        return tenantOf(number);
    }

    /**
     * Answers by this clock from now on; generated sessions are placed just before its current instant
     * (the {@linkplain #anchor() anchor}).
     *
     * @param clock e.g. a {@link SimClock}
     * @return this simulator
     */
    public EkranSimulator withClock(java.time.Clock clock) {
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
    public EkranSimulator withClockSkew(java.time.Duration skew) {
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
    public EkranSimulator withClockDrift(java.time.Duration perHour) {
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
    public EkranSimulator withLateRows(java.time.Duration delay) {
        useLateRows(delay);
        return this;
    }

    /**
     * The server's zone: the same as {@link #withZone(ZoneId)}. Ekran's dates carry their offset, so at
     * daylight saving's fall-back the repeated hour reads with two offsets and nothing is ambiguous;
     * the zone changes how bounds without an offset are read.
     *
     * @param zone the server's zone, e.g. {@code ZoneId.of("Europe/Berlin")}
     * @return this simulator
     */
    public EkranSimulator withServerZone(java.time.ZoneId zone) {
        useServerZone(zone);
        return this;
    }

    @Override
    protected void useServerZone(java.time.ZoneId zone) {
        withZone(zone);
    }

    /**
     * Plays a scenario from the anchor on: its audit steps are raised as alerts (name = action, user =
     * actor, description = object type and id) with the next activity ids once the clock reaches
     * them; its sessions appear once started, open
     * ({@code logoutDate} null) until they end, and are clipped to the asked window like the others.
     * They are numbered after the generated sessions ({@link #sessionId(String)}); their {@code userId}
     * is {@link #userIdOf(String)} of the scenario's user.
     *
     * @param scenario what happens
     * @return this simulator
     */
    public EkranSimulator withScenario(Scenario scenario) {
        this.scenario = new ScenarioPlayback(scenario);
        useScenarioConditions(scenario);
        alerts.restartScenario();
        return this;
    }

    /** The scenario's audit steps the clock has reached; the alerts endpoint raises them as alerts. */
    List<ScenarioPlayback.Entry> scenarioAudit() {
        return scenario.audit(anchor(), publishedBy());
    }

    /**
     * The {@code sessionId} a scenario session has here: numbered after the generated ones, in the
     * order the scenario starts them.
     *
     * @param label the session's label in the scenario
     * @return its Ekran session id
     * @throws IllegalArgumentException if the scenario has no such session
     */
    public int sessionId(String label) {
        ScenarioPlayback.Lived l = scenario.session(label, anchor(), java.time.Instant.MAX);
        if (l == null) {
            throw new IllegalArgumentException("the scenario has no session " + label);
        }
        return generated + 1 + l.ordinal();
    }

    /**
     * The numeric {@code userId} Ekran reports for a scenario's user name (Ekran names users by number).
     *
     * @param user the scenario's user
     * @return a stable id from 1000 to 1999
     */
    public static int userIdOf(String user) {
        return 1000 + Math.floorMod(user.hashCode(), 1000);
    }

    /** {@return a started simulator with 10 generated sessions, in UTC} */
    public static EkranSimulator start() {
        return new EkranSimulator(null);
    }

    /**
     * A simulator on the given address, for a harness outside the JVM that needs a known port
     * ({@code sessions simulate}); otherwise like {@link #start()}.
     *
     * @param address where to listen: port 0 for an ephemeral one; any address but loopback makes the
     *     simulator reachable from other machines
     * @return a started simulator with 10 generated sessions, in UTC
     * @throws java.io.UncheckedIOException if the port cannot be opened (e.g. it is in use)
     */
    public static EkranSimulator start(InetSocketAddress address) {
        return new EkranSimulator(Objects.requireNonNull(address, "address"));
    }

    /**
     * {@code n} generated sessions (made as they are listed, none stored).
     *
     * @param n how many, not negative
     * @return this simulator
     */
    public EkranSimulator withSessions(int n) {
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
    public EkranSimulator withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The zone the server reads {@code start}/{@code end} in and writes its dates in (default UTC).
     *
     * @param zone the server's zone
     * @return this simulator
     */
    public EkranSimulator withZone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        return this;
    }

    /**
     * Adds a session the test chooses, listed after the generated ones. Its dates are kept as instants
     * and written in the simulator's zone; a null {@code logoutDate} is an open session.
     *
     * @param session the session; its {@code loginDate} is required
     * @return this simulator
     */
    public EkranSimulator withSession(EkranSession session) {
        Objects.requireNonNull(session.loginDate(), "loginDate");
        extra.add(session);
        return this;
    }

    /**
     * {@code n} generated alerts for {@code GET /ekranapi/alerts} (default 10), made as they are listed:
     * activity ids {@code 1..n}, about 7 minutes apart, the newest just before {@link #anchor()}. Call it
     * before {@link #addAlert}.
     *
     * @param n how many, not negative
     * @return this simulator
     * @throws IllegalStateException if alerts were added already (their ids follow the generated ones)
     */
    public EkranSimulator withAlerts(int n) {
        alerts.generate(n);
        return this;
    }

    /**
     * Appends an alert with the next activity id, e.g. a scenario's event.
     *
     * @param time        when it happened
     * @param name        the alert's name ({@code alertName})
     * @param user        the user ({@code userName}), or null
     * @param description its description, or null
     * @return the activity id it was given
     */
    public long addAlert(Instant time, String name, String user, String description) {
        return alerts.add(time, name, user, description);
    }

    /**
     * Clears the alert log, as a restored database or a server migrated behind the same URL does: every
     * alert raised so far is gone and the next one ({@link #addAlert}, a scenario step) gets activity
     * id 1 again. For testing how a client following the {@code afterActivityId} cursor notices.
     *
     * @return this simulator
     */
    public EkranSimulator resetLog() {
        alerts.reset();
        return this;
    }

    /**
     * {@code n} generated processed endpoint access requests for
     * {@code GET /ekranapi/AccessRequests/GetEndpointAccessRequests} (default none): ids {@code 1..n}, processed
     * about 11 minutes apart, the newest just before {@link #anchor()}. Call it before
     * {@link #addAccessRequest}.
     *
     * @param n how many, not negative
     * @return this simulator
     * @throws IllegalStateException if requests were added already (their ids follow the generated ones)
     */
    public EkranSimulator withAccessRequests(int n) {
        accessRequests.generate(n);
        return this;
    }

    /**
     * Appends a processed endpoint access request with the next id.
     *
     * @param processed   when it was approved or denied ({@code processedDate}; asked two minutes before)
     * @param user        who asked ({@code userName}), or null
     * @param endpoint    for which endpoint ({@code endpointName}), or null
     * @param approved    {@code Approved}, else {@code Denied}
     * @param processedBy who decided ({@code processedBy}), or null
     * @return the id it was given
     */
    public long addAccessRequest(Instant processed, String user, String endpoint, boolean approved, String processedBy) {
        return accessRequests.add(processed, user, endpoint, approved, processedBy);
    }

    /**
     * Plays a server from before the access-request API: its path answers 404, as the base does for any
     * unknown path.
     *
     * @return this simulator
     */
    public EkranSimulator withoutAccessRequests() {
        accessRequests.served(false);
        return this;
    }

    /** {@return the zone the server reads its bounds in and writes its dates in} */
    public ZoneId zone() {
        return zone;
    }

    /** {@return a client for this simulator with its key and zone; close it} */
    public EkranClient client() {
        return clientBuilder().build();
    }

    /** {@return a client builder set up for this simulator (endpoint, key, zone), to adjust timeouts or retries} */
    public EkranClient.Builder clientBuilder() {
        return EkranClient.builder().endpoint(endpoint()).credentials(EkranCredentials.apiKey(API_KEY))
                .serverZone(zone);
    }

    /**
     * Generated session {@code index} with its real dates (not clipped), in the simulator's zone.
     *
     * @param index from 0 to the number of generated sessions, excluded
     * @return the session, {@code sessionId = index + 1}
     * @throws IndexOutOfBoundsException if there is no such generated session
     */
    public EkranSession session(int index) {
        if (index < 0 || index >= generated) {
            throw new IndexOutOfBoundsException(index);
        }
        return toSession(index, loginAt(index), logoutAt(index));
    }

    /** {@return every session with its real dates, as {@code GET /ekranapi/sessions} without bounds answers} */
    public List<EkranSession> sessions() {
        return sessions(null, null);
    }

    /**
     * What the API answers for a window (either bound may be null): the overlapping sessions with
     * dates clipped to it. Builds a list: for windows of modest size.
     *
     * @param start the window's start, or null
     * @param end   the window's end, or null
     * @return the sessions, dates clipped to the window
     */
    public List<EkranSession> sessions(Instant start, Instant end) {
        List<EkranSession> out = new ArrayList<>();
        forEach(start, end, out::add);
        return out;
    }

    /** {@return the query parameters of each authorized {@code GET /ekranapi/sessions}, in order} */
    public List<Map<String, String>> queriesAsked() {
        return List.copyOf(queries);
    }

    /** {@return requests refused for a missing or wrong key} */
    public int rejectedRequests() {
        return rejected.get();
    }

    @Override
    protected void handle(SimExchange ex) throws IOException {
        if (ex.path().equals(EkranAlertsApi.PATH) || ex.path().equals(EkranAlertsApi.PATH + "/")) {
            alerts.handle(ex);
            return;
        }
        if (EkranAccessRequestsApi.matches(ex.path())) {
            accessRequests.handle(ex);
            return;
        }
        if (!ex.path().equals(PATH) && !ex.path().equals(PATH + "/")) {
            return; // 404 from the base
        }
        if ("POST".equals(ex.method())) {
            details.handle(ex);
            return;
        }
        if (!"GET".equals(ex.method())) {
            ex.responseHeader("Allow", "GET, POST");
            ex.respond(405, contentType(), message("The requested resource does not support http method '"
                    + ex.method() + "'."));
            return;
        }
        if (!authorized(ex)) {
            return;
        }
        Instant start;
        Instant end;
        try {
            start = bound(ex, "start");
            end = bound(ex, "end");
        } catch (BadBound b) {
            ex.respond(400, "application/problem+json; charset=utf-8", problem(b.param, b.value));
            return;
        }
        queries.add(Map.copyOf(ex.queryParams()));
        ex.respondStreaming(200, contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartArray();
                forEachChecked(start, end, s -> write(g, s));
                g.writeEndArray();
            }
        });
    }

    /** Answers 401 (and counts it) unless the request carries the key; every endpoint asks this first. */
    boolean authorized(SimExchange ex) throws IOException {
        if (API_KEY.equals(ex.header(API_KEY_HEADER))) {
            return true;
        }
        rejected.incrementAndGet();
        ex.respond(401, contentType(), message(DENIED));
        return false;
    }

    /** {@return the seed of the generated data} */
    long seed() {
        return seed;
    }

    @FunctionalInterface
    private interface Sink {
        void accept(EkranSession s) throws IOException;
    }

    private void forEach(Instant start, Instant end, Sink sink) {
        try {
            forEachChecked(start, end, sink);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void forEachChecked(Instant start, Instant end, Sink sink) throws IOException {
        if (start != null && end != null && end.isBefore(start)) {
            return;
        }
        int n = generated;
        long origin = origin().getEpochSecond();
        Instant now = clock().instant();
        long lo = 0;
        long hi = n - 1L;
        if (start != null) {
            lo = Math.max(0, Math.floorDiv(start.getEpochSecond() - MAX_SECONDS - origin, STEP_SECONDS) - 1);
        }
        if (end != null) {
            hi = Math.min(hi, Math.floorDiv(end.getEpochSecond() - origin, STEP_SECONDS) + 1);
        }
        // open sessions older than the window's first candidates still overlap it: the newest two, and
        // those that were still running at the anchor
        long openFrom = Math.min(Math.max(0, n - OPEN),
                Math.max(0, Math.floorDiv(anchor().getEpochSecond() - MAX_SECONDS - origin, STEP_SECONDS) - 1));
        for (long i = openFrom; i < Math.min(lo, n); i++) {
            emit(toSessionAt((int) i, start, end, now), sink);
        }
        for (long i = lo; i <= hi; i++) {
            emit(toSessionAt((int) i, start, end, now), sink);
        }
        for (EkranSession s : extra) {
            emit(clip(s.sessionId(), s.userId(), s.clientGuid(), s.loginDate().toInstant(),
                    s.logoutDate() == null ? null : s.logoutDate().toInstant(), start, end, now), sink);
        }
        for (ScenarioPlayback.Lived l : scenario.sessions(anchor(), publishedBy())) {
            if ((end != null && l.start().isAfter(end)) || (start != null && l.end() != null && l.end().isBefore(start))) {
                continue; // outside the window: skip before making its GUID, a long scenario has many such
            }
            emit(clip(n + 1 + l.ordinal(), userIdOf(l.user()), guid(l.address() == null ? l.user() : l.address()),
                    l.start(), l.end(), start, end, now), sink);
        }
    }

    private static void emit(EkranSession s, Sink sink) throws IOException {
        if (s != null) {
            sink.accept(s);
        }
    }

    private EkranSession toSessionAt(int i, Instant start, Instant end, Instant now) {
        return clip(i + 1, userId(i), clientGuid(i), loginAt(i), logoutAt(i), start, end, now);
    }

    /**
     * The session as a window shows it, or null when it does not overlap the window. An open session's
     * last activity inside the window is the window's end, or now when the window reaches past now.
     */
    private EkranSession clip(int id, int userId, String guid, Instant login, Instant logout, Instant start,
                              Instant end, Instant now) {
        if (end != null && login.isAfter(end)) {
            return null;
        }
        if (start != null && logout != null && logout.isBefore(start)) {
            return null;
        }
        Instant in = start != null && login.isBefore(start) ? start : login;
        Instant out;
        if (end == null) {
            out = logout;
        } else if (logout == null) {
            out = end.isAfter(now) && !now.isBefore(in) ? now : end;
        } else {
            out = logout.isAfter(end) ? end : logout;
        }
        return new EkranSession(id, userId, guid, odt(in), out == null ? null : odt(out));
    }

    private EkranSession toSession(int i, Instant login, Instant logout) {
        return new EkranSession(i + 1, userId(i), clientGuid(i), odt(login), logout == null ? null : odt(logout));
    }

    /**
     * Where generated session 0 logs in (before jitter): placed so the newest that ends does so before
     * the anchor, the newest logging in about six hours before it.
     */
    private Instant origin() {
        return anchor().minusSeconds(generated * STEP_SECONDS + MAX_SECONDS);
    }

    private Instant loginAt(long i) {
        long jitter = Math.floorMod(SimData.mix(seed, i, 11), JITTER_SECONDS);
        return origin().plusSeconds(i * STEP_SECONDS + jitter);
    }

    /** The newest two never end; a session still running at the anchor stays open (history is fixed). */
    private Instant logoutAt(long i) {
        if (i >= generated - OPEN) {
            return null;
        }
        long length = MIN_SECONDS + Math.floorMod(SimData.mix(seed, i, 12), MAX_SECONDS - MIN_SECONDS + 1);
        Instant logout = loginAt(i).plusSeconds(length);
        return logout.isAfter(anchor()) ? null : logout;
    }

    private int userId(long i) {
        return 1 + (int) Math.floorMod(SimData.mix(seed, i, 13), 60L);
    }

    private String clientGuid(long i) {
        long client = Math.floorMod(SimData.mix(seed, i, 14), 8L);
        return guid(SimData.hex(seed, -1 - client, 32));
    }

    /** A GUID made from 32 hex digits, or from any text. */
    private String guid(String from) {
        String h = from.matches("[0-9a-f]{32}") ? from : SimData.hex(seed, -100 - Math.abs((long) from.hashCode()), 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    private OffsetDateTime odt(Instant t) {
        return OffsetDateTime.ofInstant(t, zone);
    }

    private static void write(JsonGenerator g, EkranSession s) throws IOException {
        g.writeStartObject();
        g.writeStringField("clientGuid", s.clientGuid());
        if (s.logoutDate() == null) {
            g.writeNullField("logoutDate");
        } else {
            g.writeStringField("logoutDate", s.logoutDate().format(OUT));
        }
        g.writeStringField("loginDate", s.loginDate().format(OUT));
        g.writeNumberField("sessionId", s.sessionId());
        g.writeNumberField("userId", s.userId());
        g.writeEndObject();
    }

    static final class BadBound extends Exception {
        private static final long serialVersionUID = 1L;
        final String param;
        final String value;

        BadBound(String param, String value) {
            super(param, null, false, false);
            this.param = param;
            this.value = value;
        }
    }

    /** A bound in the documented forms, read in the simulator's zone; null when absent or empty. */
    private Instant bound(SimExchange ex, String name) throws BadBound {
        return bound(name, ex.query(name));
    }

    /** A bound's text in the documented forms, read in the simulator's zone; null when null or empty. */
    Instant bound(String name, String v) throws BadBound {
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            LocalDateTime local = switch (v.length()) {
                case 10 -> LocalDate.parse(v, DAY).atStartOfDay();
                case 16 -> LocalDateTime.parse(v, MINUTE);
                case 19 -> LocalDateTime.parse(v, SECOND);
                default -> throw new BadBound(name, v);
            };
            return local.atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadBound(name, v);
        }
    }

    static String message(String text) {
        return SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("message", text);
            g.writeEndObject();
        });
    }

    static String problem(String param, String value) {
        return SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("type", "https://tools.ietf.org/html/rfc7231#section-6.5.1");
            g.writeStringField("title", "One or more validation errors occurred.");
            g.writeNumberField("status", 400);
            g.writeObjectFieldStart("errors");
            g.writeArrayFieldStart(param);
            g.writeString("The value '" + value + "' is not valid.");
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** {@return how long generated sessions may last at most; for tests choosing windows} */
    public static Duration longestGeneratedSession() {
        return Duration.ofSeconds(MAX_SECONDS);
    }

    @Override
    protected String malformedBody() {
        return "[ {\"clientGuid\" : \"3f2a\", \"loginDate\" : \"yesterday\", \"sessionId\" : \"one\"";
    }

    @Override
    protected String contentType() {
        return "application/json; charset=utf-8";
    }

    @Override
    protected String stallPrefix() {
        return "[ {\n  \"clientGuid\" : \"";
    }
}
