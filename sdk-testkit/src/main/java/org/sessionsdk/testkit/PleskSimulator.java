package org.sessionsdk.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * has ids 1..n generated on the fly, and {@link #addEvents(int)} makes the log grow; a flushing
 * {@code event_log/get} is recorded so tests can prove nothing was flushed.
 */
public final class PleskSimulator extends Simulator {
    /** The secret key {@link #client()} signs in with ({@code KEY} header). */
    public static final String SECRET_KEY = "testkit-secret-key";
    /** The login accepted with {@link #PASSWORD} ({@code HTTP_AUTH_LOGIN}). */
    public static final String LOGIN = "admin";
    /** The password accepted for {@link #LOGIN} ({@code HTTP_AUTH_PASSWD}). */
    public static final String PASSWORD = "testkit-password";
    private static final String AGENT = "/enterprise/control/agent.php";

    private volatile long seed = 42;
    private volatile int generatedSessions = 3;
    private final Set<Integer> terminated = ConcurrentHashMap.newKeySet();
    private final Map<String, PleskSession> extraSessions = new ConcurrentHashMap<>();
    private final AtomicLong eventCount = new AtomicLong(25);
    private final AtomicInteger flushes = new AtomicInteger();
    private final Map<String, String[]> keys = new ConcurrentHashMap<>();

    private PleskSimulator(InetSocketAddress address) {
        super("plesk", address);
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
        eventCount.set(n);
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
        eventCount.addAndGet(n);
    }

    /** {@return the id of the newest log entry} */
    public long lastEventId() {
        return eventCount.get();
    }

    /** {@return how many {@code event_log/get} calls asked Plesk to delete what they read} */
    public int flushes() {
        return flushes.get();
    }

    /** {@return a client for this simulator, signed in with its secret key; close it} */
    public PleskClient client() {
        return clientBuilder().build();
    }

    /** {@return a builder with the endpoint and secret key set, to adjust timeouts, retries and so on} */
    public PleskClient.Builder clientBuilder() {
        return PleskClient.builder().endpoint(endpoint()).credentials(PleskCredentials.secretKey(SECRET_KEY));
    }

    /** {@return the open sessions as the simulator holds them now} */
    public List<PleskSession> sessions() {
        List<PleskSession> all = new ArrayList<>();
        for (int i = 0; i < generatedSessions; i++) {
            if (!terminated.contains(i)) {
                all.add(generated(i));
            }
        }
        all.addAll(extraSessions.values());
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
            ex.respond(200, contentType(), authError);
            return;
        }
        Request r;
        try {
            r = Request.parse(ex.body());
        } catch (XMLStreamException | RuntimeException e) {
            ex.respond(200, contentType(), system(1014, "Parser error: Request is invalid. " + e.getMessage()));
            return;
        }
        switch (r.operator + "/" + r.operation) {
            case "session/get" -> ex.respond(200, contentType(), wrap("session", "get", ok(sessionsXml())));
            case "session/terminate" -> terminate(ex, r.values.get("session-id"));
            case "server/create_session" -> createSession(ex, r);
            case "event_log/get_events" -> events(ex, r);
            case "event_log/get-last-id" -> ex.respond(200, contentType(), wrap("event_log", "get-last-id",
                    ok(eventCount.get() == 0 ? "" : "<id>" + eventCount.get() + "</id>")));
            case "event_log/get" -> objectEvents(ex, r);
            case "secret_key/create" -> createKey(ex, r);
            case "secret_key/get_info" -> ex.respond(200, contentType(), wrap("secret_key", "get_info", ok(keysXml())));
            case "secret_key/delete" -> deleteKey(ex, r);
            default -> ex.respond(200, contentType(), system(1014, "Parser error: unknown operator " + r.operator
                    + "/" + r.operation));
        }
    }

    private String checkAuth(SimExchange ex) {
        String key = ex.header("KEY");
        if (key != null) {
            return key.equals(SECRET_KEY) || keys.containsKey(key) ? null : system(11003, "Secret key is invalid");
        }
        String login = ex.header("HTTP_AUTH_LOGIN");
        String pw = ex.header("HTTP_AUTH_PASSWD");
        if (login == null || pw == null) {
            return system(1029, "Authentication method is not specified");
        }
        return LOGIN.equals(login) && PASSWORD.equals(pw) ? null : system(1001, "Authentication failed: wrong login or password");
    }

    private void terminate(SimExchange ex, String id) throws IOException {
        boolean removed = extraSessions.remove(id) != null;
        for (int i = 0; i < generatedSessions && !removed; i++) {
            if (!terminated.contains(i) && generated(i).id().equals(id)) {
                removed = terminated.add(i);
            }
        }
        ex.respond(200, contentType(), wrap("session", "terminate", removed ? ok("")
                : "<result><status>error</status><errcode>1013</errcode><errtext>Session " + SimData.xml(String.valueOf(id))
                + " does not exist</errtext></result>"));
    }

    private void createSession(SimExchange ex, Request r) throws IOException {
        String login = r.values.getOrDefault("login", "");
        String ip = new String(Base64.getDecoder().decode(r.values.getOrDefault("user_ip", "")), StandardCharsets.US_ASCII);
        String id = SimData.hex(seed, 1_000_000 + extraSessions.size(), 32);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
        extraSessions.put(id, new PleskSession(id, "client", ip, login, now, now));
        ex.respond(200, contentType(), wrap("server", "create_session", ok("<id>" + id + "</id>")));
    }

    private void events(SimExchange ex, Request r) throws IOException {
        long from = r.values.containsKey("lastId") ? Long.parseLong(r.values.get("lastId").trim()) : 1;
        long to = eventCount.get();
        List<String[]> filters = r.filters;
        ex.respondStreaming(200, contentType(), out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\">\n<event_log>\n<get_events>\n"
                    + "<result>\n<status>ok</status>\n");
            for (long id = Math.max(1, from); id <= to; id++) {
                String type = SimData.pick(seed, id, "created", "updated", "deleted", "status_changed");
                String clazz = SimData.pick(seed, id + 7, "client", "domain", "mailname", "dns_zone", "admin_alias");
                if (!filters.isEmpty() && filters.stream().noneMatch(f -> f[0].equals(type) && f[1].equals(clazz))) {
                    continue;
                }
                w.write("<event><id>" + id + "</id><type>" + type + "</type><time>"
                        + SimData.at(id).getEpochSecond() + "</time><class>" + clazz + "</class><obj_id>obj-" + id
                        + "</obj_id><user>" + SimData.pick(seed, id, "admin", "reseller1", "client7") + "</user><host>"
                        + SimData.ip(seed, id) + "</host></event>\n");
            }
            w.write("</result>\n</get_events>\n</event_log>\n</packet>\n");
            w.flush();
        });
    }

    private void objectEvents(SimExchange ex, Request r) throws IOException {
        // Plesk's schema default is to flush; only an explicit false keeps the log
        boolean flush = !"false".equals(r.values.getOrDefault("flush_selected_range", "true").trim());
        if (flush) {
            flushes.incrementAndGet();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            sb.append("<event><type>created</type><time>").append(SimData.at(i).getEpochSecond())
                    .append("</time><class>client</class><id>").append(i).append("</id></event>");
        }
        ex.respond(200, contentType(), wrap("event_log", "get", ok(sb.toString())));
    }

    private void createKey(SimExchange ex, Request r) throws IOException {
        String key = SimData.hex(seed, keys.size() + 77, 8) + "-" + SimData.hex(seed, keys.size() + 78, 24);
        keys.put(key, new String[] {r.values.getOrDefault("ip_address", "127.0.0.1"),
                r.values.get("description"), r.values.getOrDefault("login", LOGIN)});
        ex.respond(200, contentType(), wrap("secret_key", "create", ok("<key>" + key + "</key>")));
    }

    private void deleteKey(SimExchange ex, Request r) throws IOException {
        String key = r.values.get("key");
        boolean removed = key != null && keys.remove(key) != null;
        ex.respond(200, contentType(), wrap("secret_key", "delete", removed ? ok("<key>" + SimData.xml(key) + "</key>")
                : "<result><status>error</status><errcode>1013</errcode><errtext>Key not found</errtext></result>"));
    }

    private String keysXml() {
        StringBuilder sb = new StringBuilder();
        keys.forEach((k, v) -> sb.append("<key_info><key>").append(SimData.xml(k)).append("</key><ip_address>")
                .append(SimData.xml(v[0])).append("</ip_address>")
                .append(v[1] == null ? "<description/>" : "<description>" + SimData.xml(v[1]) + "</description>")
                .append("<login>").append(SimData.xml(v[2])).append("</login></key_info>"));
        return sb.toString();
    }

    private String sessionsXml() {
        StringBuilder sb = new StringBuilder();
        for (PleskSession s : sessions()) {
            sb.append("<session><id>").append(SimData.xml(s.id())).append("</id><type>").append(SimData.xml(s.type()))
                    .append("</type><ip-address>").append(SimData.xml(s.ipAddress())).append("</ip-address><login>")
                    .append(SimData.xml(s.login())).append("</login><login-time>").append(s.loginTime())
                    .append("</login-time><idle>").append(s.idle()).append("</idle></session>\n");
        }
        return sb.toString();
    }

    private PleskSession generated(int i) {
        LocalDateTime login = LocalDateTime.ofInstant(SimData.at(i * 7L), ZoneOffset.UTC);
        return new PleskSession(SimData.hex(seed, i, 32), SimData.pick(seed, i, "admin", "client", "reseller"),
                SimData.ip(seed, i), SimData.pick(seed, i + 1, "admin", "jdoe", "reseller1", "client7") + (i > 3 ? i : ""),
                login, login.plusMinutes(3 + i % 40));
    }

    private static String ok(String inner) {
        return "<result><status>ok</status>" + inner + "</result>";
    }

    private static String wrap(String operator, String operation, String result) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\"><" + operator + "><" + operation + ">"
                + result + "</" + operation + "></" + operator + "></packet>";
    }

    private static String system(int code, String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\"><system><status>error</status><errcode>"
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

    /** What a request packet asks: operator, operation, and its leaf values. */
    private record Request(String operator, String operation, Map<String, String> values, List<String[]> filters) {
        static Request parse(byte[] body) throws XMLStreamException {
            XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
            List<String> path = new ArrayList<>();
            Map<String, String> values = new LinkedHashMap<>();
            List<String[]> filters = new ArrayList<>();
            String pendingType = null;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    path.add(r.getLocalName());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    path.remove(path.size() - 1);
                } else if (ev == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace() && path.size() > 3) {
                    String leaf = path.get(path.size() - 1);
                    String text = r.getText();
                    if (path.contains("events") && leaf.equals("type")) {
                        pendingType = text;
                    } else if (path.contains("events") && leaf.equals("class")) {
                        filters.add(new String[] {pendingType, text});
                    } else {
                        values.merge(leaf, text, String::concat);
                    }
                }
                if (ev == XMLStreamConstants.START_ELEMENT && path.size() == 3) {
                    values.put("\u0000op", path.get(1) + "/" + path.get(2));
                }
            }
            String op = values.remove("\u0000op");
            if (op == null) {
                throw new IllegalArgumentException("no operation in the packet");
            }
            int slash = op.indexOf('/');
            return new Request(op.substring(0, slash), op.substring(slash + 1), values, filters);
        }
    }

}
