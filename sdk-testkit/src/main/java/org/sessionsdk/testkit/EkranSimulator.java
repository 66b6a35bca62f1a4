package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
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
 *
 * <p>A {@linkplain #withScenario scenario}'s audit steps are raised as alerts (name = action, user =
 * actor, description = object type and id) with the next activity ids once the clock reaches them;
 * its sessions appear once started, open ({@code logoutDate} null) until they end, and are clipped to
 * the asked window like the others. They are numbered after the generated sessions
 * ({@link #sessionId(String)}); their {@code userId} is {@link #userIdOf(String)} of the scenario's user.
 *
 * <p>The server's zone ({@link #withServerZone}, the same as {@link #withZone}): Ekran's dates carry
 * their offset, so at daylight saving's fall-back the repeated hour reads with two offsets and nothing
 * is ambiguous; the zone changes how bounds without an offset are read.
 *
 * <p>Its parts: {@code EkranSessionData} (the sessions and windows), {@code EkranWire} (bounds, dates,
 * error bodies), {@code EkranAlertsApi} and {@code EkranDetailsApi} (the other endpoints).
 */
public final class EkranSimulator extends SimulatorBase<EkranSimulator> {
    /** The key {@link #client()} signs in with; punctuation included, as real keys have. */
    public static final String API_KEY = "ek-Testkit.Key/42+==";
    /** The header Ekran reads the key from. */
    public static final String API_KEY_HEADER = "ApiKey";
    /** The message of a 401. */
    public static final String DENIED = "Authorization has been denied for this request.";

    static final String PATH = "/ekranapi/sessions";

    private final List<EkranSession> extra = new CopyOnWriteArrayList<>();
    private final List<Map<String, String>> queries = new CopyOnWriteArrayList<>();
    private final EkranSessionData data = new EkranSessionData(this);
    private final EkranAlertsApi alerts = new EkranAlertsApi(this);
    private final EkranDetailsApi details = new EkranDetailsApi(this);
    private final EkranAccessRequestsApi accessRequests = new EkranAccessRequestsApi(this);

    private EkranSimulator(InetSocketAddress address) {
        super("ekran", address, 10, EkranSimulator::new);
    }

    private EkranSimulator(EkranSimulator parent, int number) {
        super(parent, number);
    }

    /** The routes; every endpoint answers a wrong method before it asks for the key. */
    @Override
    Routes routes() {
        return new Routes()
                .on("GET", Routes.slashed(EkranAlertsApi.PATH), alerts::handle)
                .on("GET", p -> accessRequests.served() && EkranAccessRequestsApi.matches(p), accessRequests::handle)
                .on("GET", Routes.slashed(PATH), this::list)
                .on("POST", Routes.slashed(PATH), details::handle)
                .onWrongMethod((ex, allowed) -> {
                    ex.responseHeader("Allow", allowed);
                    ex.respond(405, contentType(), SimWire.message(
                            "The requested resource does not support http method '" + ex.method() + "'."));
                });
    }

    /** Answers 401 (and counts it) unless the request carries the key; every endpoint asks this first. */
    boolean authorized(SimExchange ex) throws IOException {
        if (API_KEY.equals(ex.header(API_KEY_HEADER))) {
            return true;
        }
        reject();
        ex.respond(401, contentType(), SimWire.message(DENIED));
        return false;
    }

    @Override
    void scenarioChanged() {
        alerts.restartScenario();
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
        return generated() + 1 + scenarioSession(label).ordinal();
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
     * The zone the server reads {@code start}/{@code end} in and writes its dates in (default UTC).
     *
     * @param zone the server's zone
     * @return this simulator
     */
    public EkranSimulator withZone(ZoneId zone) {
        return withServerZone(zone);
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
     * Plays a server from before the access-request API: its path answers 404, as any unknown path does.
     *
     * @return this simulator
     */
    public EkranSimulator withoutAccessRequests() {
        accessRequests.served(false);
        return this;
    }

    /** {@return the zone the server reads its bounds in and writes its dates in} */
    public ZoneId zone() {
        return serverZone();
    }

    /** {@return a client for this simulator with its key and zone; close it} */
    public EkranClient client() {
        return clientBuilder().build();
    }

    /** {@return a client builder set up for this simulator (endpoint, key, zone), to adjust timeouts or retries} */
    public EkranClient.Builder clientBuilder() {
        return EkranClient.builder().endpoint(endpoint()).credentials(EkranCredentials.apiKey(API_KEY))
                .serverZone(zone());
    }

    /**
     * Generated session {@code index} with its real dates (not clipped), in the simulator's zone.
     *
     * @param index from 0 to the number of generated sessions, excluded
     * @return the session, {@code sessionId = index + 1}
     * @throws IndexOutOfBoundsException if there is no such generated session
     */
    public EkranSession session(int index) {
        if (index < 0 || index >= generated()) {
            throw new IndexOutOfBoundsException(index);
        }
        return data.session(index);
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
        try {
            data.forEach(start, end, extra, out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@return the query parameters of each authorized {@code GET /ekranapi/sessions}, in order} */
    public List<Map<String, String>> queriesAsked() {
        return List.copyOf(queries);
    }

    /** {@code GET /ekranapi/sessions}: the window's sessions, streamed. */
    private void list(SimExchange ex) throws IOException {
        if (!authorized(ex)) {
            return;
        }
        Instant start;
        Instant end;
        try {
            start = bound("start", ex.query("start"));
            end = bound("end", ex.query("end"));
        } catch (EkranWire.BadBound b) {
            ex.respond(400, EkranWire.PROBLEM_JSON, EkranWire.problem(b));
            return;
        }
        queries.add(Map.copyOf(ex.queryParams()));
        ex.respondStreaming(200, contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartArray();
                data.forEach(start, end, extra, s -> EkranWire.write(g, s));
                g.writeEndArray();
            }
        });
    }

    /** A bound's text in the documented forms, read in the simulator's zone; null when null or empty. */
    Instant bound(String name, String v) throws EkranWire.BadBound {
        return EkranWire.bound(name, v, zone());
    }

    /** {@return how long generated sessions may last at most; for tests choosing windows} */
    public static Duration longestGeneratedSession() {
        return Duration.ofSeconds(EkranSessionData.MAX_SECONDS);
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
