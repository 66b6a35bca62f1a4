package org.sessionsdk.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.internal.xml.SecureXml;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.plesk.PleskSession;

/**
 * The Plesk XML API on loopback: {@code POST /enterprise/control/agent.php} with the operators the
 * SDK covers. Credentials are checked (a wrong password gets Plesk's error 1001, a wrong key 11003,
 * none 1029); {@code session/terminate} really removes a session (1013 when unknown); the action log
 * has ids 1..n generated on the fly, a minute apart up to just before the {@linkplain #anchor() anchor},
 * and {@link #addEvents(int)} and a {@linkplain #withScenario scenario} make it grow; the object event
 * log ({@code event_log/get}) holds 3 entries until a flushing read deletes them, and flushing reads
 * are counted so tests can prove nothing was flushed. Answers carry the request's packet version.
 *
 * <p>On the wire it follows agent_output.xsd: every operator of a packet is answered, in order;
 * {@code xs:dateTime} values carry seconds; secret keys are UUIDs; {@code secret_key/get_info} and
 * {@code delete} answer one result per filtered key, 1013 for an unknown one. Requests may come with or
 * without an XML declaration, pretty-printed or not, with {@code <get/>} or {@code <get></get>}; values
 * are whitespace-collapsed as Plesk's {@code string} type is.
 */
public final class PleskSimulator extends Simulator {
    /** The secret key {@link #client()} signs in with ({@code KEY} header). */
    public static final String SECRET_KEY = "0e5b7c1a-7e57-4b1d-9c1e-5d6b2a3f4c8e";
    /** The login accepted with {@link #PASSWORD} ({@code HTTP_AUTH_LOGIN}). */
    public static final String LOGIN = "admin";
    /** The password accepted for {@link #LOGIN} ({@code HTTP_AUTH_PASSWD}). */
    public static final String PASSWORD = "testkit-password";
    private static final String AGENT = "/enterprise/control/agent.php";
    /** xs:dateTime as Plesk writes it: seconds always, no fraction, no offset (seed session/get). */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final String DEFAULT_VERSION = "1.6.9.1";
    private static final String HEAD = head(DEFAULT_VERSION);

    private volatile long seed = 42;
    /** The panel's zone: session times are written as local times in it. */
    private volatile java.time.ZoneId zone = ZoneOffset.UTC;
    private volatile int generatedSessions = 3;
    private final Set<Integer> terminated = ConcurrentHashMap.newKeySet();
    private final Map<String, PleskSession> extraSessions = new ConcurrentHashMap<>();
    /** Generated log entries 1..n, a minute apart, the newest a minute before the anchor. */
    private volatile long generatedEvents = 25;
    /** Entries logged since: blocks of {@link #addEvents} and the scenario's audit steps, in id order. */
    private final List<EventBlock> appended = new ArrayList<>();
    /** How many of the scenario's log resets were played. */
    private int scenarioResets;
    private int scenarioEntriesLogged;
    private volatile ScenarioPlayback scenario = ScenarioPlayback.NONE;
    private final AtomicInteger flushes = new AtomicInteger();
    private int objectEventsHeld = 3;
    /** The panel's secret keys, {@link #SECRET_KEY} first, in the order they were made. */
    private final Map<String, String[]> keys = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicInteger keysCreated = new AtomicInteger();
    private final PleskPanelProfile profile = new PleskPanelProfile();
    private final AtomicInteger sessionsCreated = new AtomicInteger();

    private PleskSimulator(InetSocketAddress address) {
        super("plesk", address);
        // the key the client signs in with is one of the panel's keys: listed, and revoked by delete
        keys.put(SECRET_KEY, new String[] {"127.0.0.1", null, LOGIN});
    }

    private PleskSimulator(PleskSimulator parent, int number) {
        super(parent, number);
        keys.put(SECRET_KEY, new String[] {"127.0.0.1", null, LOGIN});
        this.seed = parent.seed * 1_000_003L + number;
        this.zone = parent.zone;
        this.generatedSessions = parent.generatedSessions;
        this.generatedEvents = parent.generatedEvents;
    }

    @Override
    protected PleskSimulator newTenant(int number) {
        return new PleskSimulator(this, number);
    }

    /**
     * The panel served under {@code /t/<number>} on this simulator's port: its own sessions, log, keys,
     * journal, faults and clock, made on first use. Its {@link #client()} points at it.
     *
     * @param number 1 to {@link Simulator#MAX_TENANTS}
     * @return the tenant
     */
    public PleskSimulator tenant(int number) {
        return tenantOf(number);
    }

    /**
     * Answers by this clock from now on; generated sessions and log entries are placed just before its
     * current instant (the {@linkplain #anchor() anchor}).
     *
     * @param clock e.g. a {@link SimClock}
     * @return this simulator
     */
    public PleskSimulator withClock(java.time.Clock clock) {
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
    public PleskSimulator withClockSkew(java.time.Duration skew) {
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
    public PleskSimulator withClockDrift(java.time.Duration perHour) {
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
    public PleskSimulator withLateRows(java.time.Duration delay) {
        useLateRows(delay);
        return this;
    }

    /**
     * The panel's zone (default UTC): {@code session/get} writes {@code login-time} and {@code idle} as
     * local times in it, without an offset, as Plesk does; at the fall-back of daylight saving two
     * instants an hour apart read the same, and the spring-forward hour is never written. The action
     * log's times are epoch seconds, which no zone changes. {@link #client()} is given the same
     * {@code serverZone}.
     *
     * @param zone the server's zone, e.g. {@code ZoneId.of("Europe/Berlin")}
     * @return this simulator
     */
    public PleskSimulator withServerZone(java.time.ZoneId zone) {
        useServerZone(zone);
        return this;
    }

    @Override
    protected void useServerZone(java.time.ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Plays a scenario from the anchor on: {@code session/get} lists its sessions while they are open
     * (Plesk shows no history), {@code session/terminate} ends them, and its audit steps are logged as
     * action-log entries (type = action, class = object type, obj_id = object id, user = actor) with
     * the next ids, in time order, once the clock reaches them.
     *
     * @param scenario what happens
     * @return this simulator
     */
    public PleskSimulator withScenario(Scenario scenario) {
        this.scenario = new ScenarioPlayback(scenario);
        useScenarioConditions(scenario);
        synchronized (appended) {
            scenarioEntriesLogged = 0;
        }
        return this;
    }

    /**
     * The id a scenario session has on this panel: the label itself.
     *
     * @param label the session's label in the scenario
     * @return its Plesk session id
     */
    public String sessionId(String label) {
        return label;
    }

    /** {@return a started simulator with 3 open sessions and 25 log entries} */
    public static PleskSimulator start() {
        return new PleskSimulator(null);
    }

    /**
     * A simulator on the given address, for a harness outside the JVM that needs a known port
     * ({@code sessions simulate}); otherwise like {@link #start()}.
     *
     * @param address where to listen: port 0 for an ephemeral one; any address but loopback makes the
     *     simulator reachable from other machines
     * @return a started simulator with 3 open sessions and 25 log entries
     * @throws java.io.UncheckedIOException if the port cannot be opened (e.g. it is in use)
     */
    public static PleskSimulator start(InetSocketAddress address) {
        return new PleskSimulator(Objects.requireNonNull(address, "address"));
    }

    /**
     * {@code n} generated open sessions (none stored: they are made as they are listed).
     *
     * @param n how many
     * @return this simulator
     */
    public PleskSimulator withSessions(int n) {
        this.generatedSessions = n;
        return this;
    }

    /**
     * A log of ids 1..n.
     *
     * @param n the newest id; 0 for an empty log
     * @return this simulator
     */
    public PleskSimulator withEvents(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        synchronized (appended) {
            generatedEvents = n;
            appended.clear();
            scenarioEntriesLogged = 0;
        }
        return this;
    }

    /**
     * The seed of the generated data (default 42): the same seed gives the same sessions and log.
     *
     * @param seed any value
     * @return this simulator
     */
    public PleskSimulator withSeed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Adds a session the test chooses.
     *
     * @param session the session, listed after the generated ones
     * @return this simulator
     */
    public PleskSimulator withSession(PleskSession session) {
        extraSessions.put(session.id(), session);
        return this;
    }

    /**
     * The panel logs {@code n} more actions.
     *
     * @param n how many entries to add to the log
     */
    public void addEvents(int n) {
        synchronized (appended) {
            List<EventBlock> log = catchUp();
            long next = nextId(log);
            appended.add(new EventBlock(next, n, clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), null));
        }
    }

    /**
     * Clears the action log, as a restored database or a panel migrated behind the same URL does: every
     * entry logged so far is gone ({@code get-last-id} answers none) and the next one
     * ({@link #addEvents}, a scenario step) gets id 1 again. For testing how a client following the
     * id cursor notices.
     *
     * @return this simulator
     */
    public PleskSimulator resetLog() {
        synchronized (appended) {
            catchUp(); // scenario steps already due were logged before the reset, and go with it
            generatedEvents = 0;
            appended.clear();
        }
        return this;
    }

    /**
     * Plays an older panel whose newest XML API protocol is {@code newest} (e.g. {@code 1.6.5.0}, Plesk
     * 11.5): {@code server/get_protos} lists the versions up to it, a packet in another version gets error
     * 1005, and an operator that came later ({@code session}, {@code event_log}, {@code secret_key}:
     * 1.6.6.0) error 1014. Default: a current panel, up to 1.6.9.1, that answers a packet in any version.
     *
     * @param newest the newest version the panel supports, one of 1.6.3.0 to 1.6.9.1
     * @return this simulator
     */
    public PleskSimulator withProtocols(String newest) {
        profile.newest(newest);
        return this;
    }

    /** {@return the XML API protocol versions the panel lists in {@code server/get_protos}, oldest first} */
    public List<String> protocols() {
        return profile.protocols();
    }

    /**
     * Adds a secret key of a reseller (login {@code reseller1}) bound to 127.0.0.1: it signs in, but the
     * administrator's operators ({@code session}, {@code event_log}) answer it with error 1006.
     *
     * @return the key
     */
    public String addResellerKey() {
        return addKey("127.0.0.1", "reseller1", "reseller");
    }

    /**
     * Adds a secret key of a customer (login {@code client7}) bound to 127.0.0.1, refused the
     * administrator's operators as {@link #addResellerKey()} is.
     *
     * @return the key
     */
    public String addCustomerKey() {
        return addKey("127.0.0.1", "client7", "customer");
    }

    /**
     * Adds an administrator's secret key bound to {@code ip}: from any other address (a client of this
     * simulator comes from 127.0.0.1) the panel refuses it with error 11003, as it refuses a wrong key.
     *
     * @param ip the address the key was made for, e.g. {@code 192.0.2.7}
     * @return the key
     */
    public String addKeyBoundTo(String ip) {
        return addKey(java.util.Objects.requireNonNull(ip, "ip"), LOGIN, "admin");
    }

    private String addKey(String ip, String login, String role) {
        String key = uuid(SimData.hex(seed, keysCreated.getAndIncrement() + 77L, 32));
        keys.put(key, new String[] {ip, role + " key", login});
        profile.role(login, role);
        return key;
    }

    /** {@return the id of the newest log entry, as of the clock} */
    public long lastEventId() {
        synchronized (appended) {
            return nextId(catchUp()) - 1;
        }
    }

    /**
     * Entries after the generated ones, made as of now: scenario steps the clock has reached are
     * logged with the next ids. The caller holds the lock; the list returned is a copy.
     */
    private List<EventBlock> catchUp() {
        List<ScenarioPlayback.Entry> due = scenario.audit(anchor(), publishedBy());
        for (int k = scenarioEntriesLogged; k < due.size(); k++) {
            resetTo(logResetsBefore(due.get(k).time())); // a scenario reset before this entry clears what came before it
            appended.add(new EventBlock(nextId(appended), 1, due.get(k).time(), due.get(k).step()));
        }
        scenarioEntriesLogged = Math.max(scenarioEntriesLogged, due.size());
        resetTo(logResetsDue());
        return List.copyOf(appended);
    }

    /** Plays the scenario's log resets up to the {@code n}th: each clears the log, as {@link #resetLog()}. */
    private void resetTo(int n) {
        for (; scenarioResets < n; scenarioResets++) {
            generatedEvents = 0;
            appended.clear();
        }
    }

    private long nextId(List<EventBlock> log) {
        if (log.isEmpty()) {
            return generatedEvents + 1;
        }
        EventBlock last = log.get(log.size() - 1);
        return last.firstId() + last.count();
    }

    /**
     * Log entries {@code firstId .. firstId + count - 1}, all logged at {@code time}: generated fields
     * when {@code step} is null, the scenario's otherwise.
     */
    private record EventBlock(long firstId, long count, java.time.Instant time, Scenario.Audit step) {
    }

    /** {@return how many {@code event_log/get} calls asked Plesk to delete what they read} */
    public int flushes() {
        return flushes.get();
    }

    /** {@return a client for this simulator, signed in with its secret key; close it} */
    public PleskClient client() {
        return clientBuilder().build();
    }

    /** {@return a builder with the endpoint, secret key and zone set, to adjust timeouts, retries and so on} */
    public PleskClient.Builder clientBuilder() {
        return PleskClient.builder().endpoint(endpoint()).credentials(PleskCredentials.secretKey(SECRET_KEY))
                .serverZone(zone);
    }

    /** {@return the panel's zone, in which its session times are written (default UTC)} */
    public java.time.ZoneId zone() {
        return zone;
    }

    /** {@return the open sessions as of the clock: generated, added, and the scenario's open ones} */
    public List<PleskSession> sessions() {
        List<PleskSession> all = new ArrayList<>();
        for (int i = 0; i < generatedSessions; i++) {
            if (!terminated.contains(i)) {
                all.add(generated(i));
            }
        }
        all.addAll(extraSessions.values());
        for (ScenarioPlayback.Lived l : scenario.sessions(anchor(), publishedBy())) {
            if (l.open()) {
                LocalDateTime login = LocalDateTime.ofInstant(l.start(), zone);
                all.add(new PleskSession(l.label(), LOGIN.equals(l.user()) ? "admin" : "client",
                        l.address() == null ? "127.0.0.1" : l.address(), l.user(), login, login));
            }
        }
        return all;
    }

    @Override
    protected void handle(SimExchange ex) throws IOException {
        if (!ex.path().equals(AGENT)) {
            return; // 404 from the base
        }
        if (!"POST".equals(ex.method())) {
            ex.respond(405, "text/plain", "use POST");
            return;
        }
        String authError = checkAuth(ex);
        if (authError != null) {
            packet(ex, authError);
            return;
        }
        List<Request> ops;
        try {
            ops = Request.parse(ex.body());
        } catch (XMLStreamException | RuntimeException e) {
            packet(ex, system(1014, "Parser error: Request is invalid. " + e.getMessage()));
            return;
        }
        // the whole packet is checked before anything runs, as Plesk validates it against its schema
        for (Request r : ops) {
            String invalid = invalid(r);
            if (invalid != null) {
                packet(ex, system(1014, "Parser error: Request is invalid. " + invalid));
                return;
            }
        }
        String asked = PleskPanelProfile.versionAttribute(ex.body());
        String[] refused = profile.refusal(asked, ops.stream().map(Request::operator).toList());
        if (refused != null) {
            packet(ex, system(Integer.parseInt(refused[0]), refused[1]));
            return;
        }
        String role = profile.roleOf(callerLogin(ex));
        // Plesk answers in the protocol version the request asked for, else its newest
        String head = head(asked != null ? Request.version(ex.body()) : profile.newest());
        if (ops.size() == 1 && ops.get(0).is("event_log/get_events")) {
            ex.respondStreaming(200, contentType(), out -> {
                Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write(head);
                answer(ops, w, role);
                w.write("</packet>\n");
                w.flush();
            });
            return;
        }
        java.io.StringWriter w = new java.io.StringWriter();
        w.write(head);
        answer(ops, w, role);
        w.write("</packet>");
        packet(ex, w.toString());
    }

    /**
     * Answers a whole packet, indented when the request asks {@code HTTP_PRETTY_PRINT: TRUE} (as
     * Plesk's own PHP client does). The streamed {@code get_events} answer is written as it is made,
     * one event a line, either way.
     */
    private void packet(SimExchange ex, String xml) throws IOException {
        String pretty = ex.header("HTTP_PRETTY_PRINT");
        ex.respond(200, contentType(), pretty != null && pretty.strip().equalsIgnoreCase("true") ? indent(xml) : xml);
    }

    /** The packet with one element a line, two spaces a level; text-only elements stay on one line. */
    static String indent(String xml) {
        try {
            XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(new java.io.StringReader(xml));
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            StringBuilder text = new StringBuilder();
            int depth = 0;
            boolean childless = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    out.append('\n').append("  ".repeat(depth)).append('<').append(r.getLocalName());
                    for (int a = 0; a < r.getAttributeCount(); a++) {
                        out.append(' ').append(r.getAttributeLocalName(a)).append("=\"")
                                .append(SimData.xml(r.getAttributeValue(a))).append('"');
                    }
                    out.append('>');
                    depth++;
                    childless = true;
                    text.setLength(0);
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (!childless) {
                        out.append('\n').append("  ".repeat(depth));
                    } else {
                        out.append(SimData.xml(text.toString()));
                    }
                    out.append("</").append(r.getLocalName()).append('>');
                    childless = false;
                    text.setLength(0);
                }
            }
            return out.append('\n').toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the simulator wrote a packet it cannot read", e);
        }
    }

    /** A schema violation in one operation, or null. */
    private static String invalid(Request r) {
        if (!OPERATIONS.contains(r.operator + "/" + r.operation)) {
            return "unknown operator " + r.operator + "/" + r.operation;
        }
        if (r.is("session/terminate") && !r.values.containsKey("session-id")) {
            return "Element 'terminate': Missing child element(s). Expected is ( session-id ).";
        }
        if (r.is("server/create_session") && !r.values.containsKey("login")) {
            return "Element 'create_session': Missing child element(s). Expected is ( login ).";
        }
        String lastId = r.values.get("lastId");
        if (r.is("event_log/get_events") && lastId != null && !lastId.matches("0*[1-9][0-9]{0,17}")) {
            return "Element 'lastId': '" + lastId + "' is not a valid value of the atomic type 'id_type'.";
        }
        return null;
    }

    private static final Set<String> OPERATIONS = Set.of("session/get", "session/terminate", "server/create_session",
            "server/get_protos",
            "event_log/get_events", "event_log/get-last-id", "event_log/get", "secret_key/create",
            "secret_key/get_info", "secret_key/delete");

    /** One top-level element per run of operations of one operator, in the packet's order. */
    private void answer(List<Request> ops, Writer w, String role) throws IOException {
        for (int i = 0; i < ops.size(); i++) {
            Request r = ops.get(i);
            if (i == 0 || ops.get(i - 1).element != r.element) {
                w.write("<" + r.operator + ">");
            }
            w.write("<" + r.operation + ">");
            String op = r.operator + "/" + r.operation;
            if (!role.equals("admin") && PleskPanelProfile.adminOnly(op)) {
                w.write(error(1006, "Zugriff verweigert", "")); // the administrator's only; errtext in the panel's language
                op = "answered";
            }
            switch (op) {
                case "answered" -> { }
                case "server/get_protos" -> w.write(ok(profile.protosXml()));
                case "session/get" -> w.write(ok(sessionsXml()));
                case "session/terminate" -> w.write(terminate(r.values.get("session-id")));
                case "server/create_session" -> w.write(createSession(r));
                case "event_log/get_events" -> events(w, r);
                case "event_log/get-last-id" -> {
                    long last = lastEventId();
                    w.write(ok(last == 0 ? "" : "<id>" + last + "</id>"));
                }
                case "event_log/get" -> w.write(objectEvents(r));
                case "secret_key/create" -> w.write(createKey(r));
                case "secret_key/get_info" -> w.write(keyInfo(r));
                case "secret_key/delete" -> w.write(deleteKeys(r));
                default -> throw new IllegalStateException("checked before: " + r.operation);
            }
            w.write("</" + r.operation + ">");
            if (i == ops.size() - 1 || ops.get(i + 1).element != r.element) {
                w.write("</" + r.operator + ">");
            }
        }
    }

    private String checkAuth(SimExchange ex) {
        String key = ex.header("KEY");
        if (key != null) {
            String[] k = keys.get(key);
            // a key is bound to the address it was made for: from another one it is refused as invalid
            boolean bound = k != null && k[0].equals(ex.raw().getRemoteAddress().getAddress().getHostAddress());
            return bound ? null : system(11003, "Secret key is invalid");
        }
        String login = ex.header("HTTP_AUTH_LOGIN");
        String pw = ex.header("HTTP_AUTH_PASSWD");
        if (login == null || pw == null) {
            return system(1029, "Authentication method is not specified");
        }
        return LOGIN.equals(login) && PASSWORD.equals(pw) ? null : system(1001, "Authentication failed: wrong login or password");
    }

    /** The login a request acts as: its key's, else {@code HTTP_AUTH_LOGIN}. */
    private String callerLogin(SimExchange ex) {
        String key = ex.header("KEY");
        String[] k = key == null ? null : keys.get(key);
        return k != null ? k[2] : ex.header("HTTP_AUTH_LOGIN");
    }

    private String terminate(String id) {
        boolean removed = extraSessions.remove(id) != null
                || scenario.terminate(id, anchor(), clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        for (int i = 0; i < generatedSessions && !removed; i++) {
            if (!terminated.contains(i) && generated(i).id().equals(id)) {
                removed = terminated.add(i);
            }
        }
        return removed ? ok("") : error(1013, "Session " + id + " does not exist", "");
    }

    private String createSession(Request r) {
        String login = r.values.get("login");
        String ip;
        try {
            ip = new String(Base64.getDecoder().decode(r.values.getOrDefault("user_ip", "")), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            // Plesk's answer to a user_ip that is not base64 is undocumented: 1019 is its "invalid value"
            return error(1019, "Invalid value of user_ip: it must be the IP address in base64", "");
        }
        String id = SimData.hex(seed, 1_000_000 + sessionsCreated.getAndIncrement(), 32);
        LocalDateTime now = LocalDateTime.ofInstant(clock().instant(), zone).withNano(0);
        extraSessions.put(id, new PleskSession(id, "client", ip, login, now, now));
        return ok("<id>" + id + "</id>");
    }

    private void events(Writer w, Request r) throws IOException {
        long from = r.values.containsKey("lastId") ? Long.parseLong(r.values.get("lastId").trim()) : 1;
        List<EventBlock> log;
        synchronized (appended) {
            log = catchUp();
        }
        long generatedTo = generatedEvents;
        long to = nextId(log) - 1;
        List<String[]> filters = r.filters;
        w.write("\n<result>\n<status>ok</status>\n");
        int block = 0;
        for (long id = Math.max(1, from); id <= to; id++) {
            EventBlock in = null;
            if (id > generatedTo) {
                while (log.get(block).firstId() + log.get(block).count() <= id) {
                    block++;
                }
                in = log.get(block);
            }
            Scenario.Audit step = in == null ? null : in.step();
            String type = step != null ? step.action() : SimData.pick(seed, id, "created", "updated", "deleted", "status_changed");
            String clazz = step != null ? (step.objectType() == null ? "" : step.objectType())
                    : SimData.pick(seed, id + 7, "client", "domain", "mailname", "dns_zone", "admin_alias");
            if (!filters.isEmpty() && filters.stream().noneMatch(f -> f[0].equals(type) && f[1].equals(clazz))) {
                continue;
            }
            long time = in == null ? anchor().minusSeconds(60 * (generatedTo - id + 1)).getEpochSecond()
                    : in.time().getEpochSecond();
            String objId = step != null ? (step.objectId() == null ? "" : step.objectId()) : "obj-" + id;
            String user = step != null ? step.actor() : SimData.pick(seed, id, "admin", "reseller1", "client7");
            w.write("<event><id>" + id + "</id><type>" + SimData.xml(type) + "</type><time>" + time + "</time><class>"
                    + SimData.xml(clazz) + "</class><obj_id>" + SimData.xml(objId) + "</obj_id><user>" + SimData.xml(user)
                    + "</user><host>" + SimData.ip(seed, id) + "</host></event>\n");
        }
        w.write("</result>\n");
    }

    private static String head(String version) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"" + version + "\">";
    }

    /** The object event log holds 3 entries until a flushing read deletes what it returned. */
    private synchronized String objectEvents(Request r) {
        // Plesk's schema default is to flush; only an explicit false keeps the log
        boolean flush = !"false".equals(r.values.getOrDefault("flush_selected_range", "true").trim());
        int held = objectEventsHeld;
        if (flush) {
            flushes.incrementAndGet();
            objectEventsHeld = 0;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= held; i++) {
            sb.append("<event><type>created</type><time>").append(anchor().minusSeconds(60L * (4 - i)).getEpochSecond())
                    .append("</time><class>client</class><id>").append(i).append("</id></event>");
        }
        return ok(sb.toString());
    }

    private String createKey(Request r) {
        String key = uuid(SimData.hex(seed, keysCreated.getAndIncrement() + 77L, 32));
        keys.put(key, new String[] {r.values.getOrDefault("ip_address", "127.0.0.1"),
                r.values.get("description"), r.values.getOrDefault("login", LOGIN)});
        return ok("<key>" + key + "</key>");
    }

    /** 32 hex digits as a version-4 UUID, the form of Plesk's keys ({@code 75a3b47c-bfbe-4a72-be03-3247708481e7}). */
    private static String uuid(String hex) {
        char variant = "89ab".charAt(Character.digit(hex.charAt(16), 16) & 3);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-" + variant
                + hex.substring(17, 20) + "-" + hex.substring(20, 32);
    }

    /**
     * One result per filtered key (the schema's result is unbounded): its {@code key_info}, or 1013 when
     * unknown. An empty filter lists every key in one result. That an error result echoes the key is
     * not documented; the schema allows it and it lets a client tell which key was not found.
     */
    private String keyInfo(Request r) {
        if (r.keys.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            keys.forEach((k, v) -> sb.append(keyInfoXml(k, v)));
            return ok(sb.toString());
        }
        StringBuilder sb = new StringBuilder();
        for (String k : r.keys) {
            String[] v = keys.get(k);
            sb.append(v == null ? error(1013, "Secret key " + k + " does not exist", "<key>" + SimData.xml(k) + "</key>")
                    : ok(keyInfoXml(k, v)));
        }
        return sb.toString();
    }

    /**
     * One result per filtered key, 1013 for an unknown one. What Plesk does with an empty filter is not
     * documented: the simulator deletes nothing and answers 1013 (it never wipes every key).
     */
    private String deleteKeys(Request r) {
        if (r.keys.isEmpty()) {
            return error(1013, "Secret key is not specified", "");
        }
        StringBuilder sb = new StringBuilder();
        for (String k : r.keys) {
            String xk = "<key>" + SimData.xml(k) + "</key>";
            sb.append(keys.remove(k) != null ? ok(xk) : error(1013, "Secret key " + k + " does not exist", xk));
        }
        return sb.toString();
    }

    private static String keyInfoXml(String k, String[] v) {
        return "<key_info><key>" + SimData.xml(k) + "</key><ip_address>" + SimData.xml(v[0]) + "</ip_address>"
                + (v[1] == null ? "<description/>" : "<description>" + SimData.xml(v[1]) + "</description>")
                + "<login>" + SimData.xml(v[2]) + "</login></key_info>";
    }

    private String sessionsXml() {
        StringBuilder sb = new StringBuilder();
        for (PleskSession s : sessions()) {
            sb.append("<session><id>").append(SimData.xml(s.id())).append("</id><type>").append(SimData.xml(s.type()))
                    .append("</type><ip-address>").append(SimData.xml(s.ipAddress())).append("</ip-address><login>")
                    .append(SimData.xml(s.login())).append("</login><login-time>").append(s.loginTime().format(DATE_TIME))
                    .append("</login-time><idle>").append(s.idle().format(DATE_TIME)).append("</idle></session>\n");
        }
        return sb.toString();
    }

    private PleskSession generated(int i) {
        // the newest logs in 7 minutes before the anchor; last activity is never after it
        java.time.Instant at = anchor().minusSeconds(60L * 7 * (generatedSessions - i));
        LocalDateTime login = LocalDateTime.ofInstant(at, zone);
        LocalDateTime idle = LocalDateTime.ofInstant(java.time.Instant.ofEpochSecond(Math.min(
                at.getEpochSecond() + 60L * (3 + i % 40), anchor().getEpochSecond())), zone);
        return new PleskSession(SimData.hex(seed, i, 32), SimData.pick(seed, i, "admin", "client", "reseller"),
                SimData.ip(seed, i), SimData.pick(seed, i + 1, "admin", "jdoe", "reseller1", "client7") + (i > 3 ? i : ""),
                login, idle);
    }

    private static String ok(String inner) {
        return "<result><status>ok</status>" + inner + "</result>";
    }

    private static String error(int code, String text, String after) {
        return "<result><status>error</status><errcode>" + code + "</errcode><errtext>" + SimData.xml(text)
                + "</errtext>" + after + "</result>";
    }

    private static String system(int code, String text) {
        return HEAD + "<system><status>error</status><errcode>"
                + code + "</errcode><errtext>" + SimData.xml(text) + "</errtext></system></packet>";
    }

    @Override
    protected String malformedBody() {
        return "<packet><session><get><result><status>ok</status><session><id>broken";
    }

    @Override
    protected String contentType() {
        return "text/xml; charset=UTF-8";
    }

    @Override
    protected String stallPrefix() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet><event_log><get_events><result><status>ok</status>";
    }

    /**
     * One operation of a request packet: operator, operation, its leaf values (whitespace-collapsed), the
     * type/class pairs of {@code events}, and the keys of a {@code filter}. {@code element} tells
     * operator elements apart, so {@code <session><get/><get/></session>} is answered in one element.
     */
    private record Request(String operator, String operation, int element, Map<String, String> values,
            List<String[]> filters, List<String> keys) {
        boolean is(String op) {
            return op.equals(operator + "/" + operation);
        }

        /** The root's {@code version} when it is a well-formed one, else the simulator's default. */
        static String version(byte[] body) {
            try {
                XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                    // skip the prolog
                }
                String v = r.getAttributeValue(null, "version");
                return v != null && v.matches("\\d{1,3}(\\.\\d{1,3}){1,3}") ? v : DEFAULT_VERSION;
            } catch (XMLStreamException | IllegalStateException e) {
                return DEFAULT_VERSION;
            }
        }

        static List<Request> parse(byte[] body) throws XMLStreamException {
            XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
            List<String> path = new ArrayList<>();
            List<Request> ops = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            String pendingType = null;
            int element = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    path.add(r.getLocalName());
                    text.setLength(0);
                    if (path.size() == 1 && !"packet".equals(r.getLocalName())) {
                        throw new IllegalArgumentException("the root element is not <packet>");
                    } else if (path.size() == 2) {
                        element++;
                    } else if (path.size() == 3) {
                        ops.add(new Request(path.get(1), path.get(2), element, new LinkedHashMap<>(),
                                new ArrayList<>(), new ArrayList<>()));
                    }
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    String leaf = path.remove(path.size() - 1);
                    String value = text.toString().strip().replaceAll("\\s+", " ");
                    text.setLength(0);
                    if (path.size() < 3 || value.isEmpty()) {
                        continue;
                    }
                    Request op = ops.get(ops.size() - 1);
                    if (path.contains("events") && leaf.equals("type")) {
                        pendingType = value;
                    } else if (path.contains("events") && leaf.equals("class")) {
                        op.filters.add(new String[] {pendingType, value});
                    } else if (path.contains("filter") && leaf.equals("key")) {
                        op.keys.add(value);
                    } else {
                        op.values.put(leaf, value);
                    }
                }
            }
            if (ops.isEmpty()) {
                throw new IllegalArgumentException("no operation in the packet");
            }
            return ops;
        }
    }

}
