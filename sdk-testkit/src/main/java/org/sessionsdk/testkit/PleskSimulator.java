package org.sessionsdk.testkit;

import java.net.InetSocketAddress;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
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
 *
 * <p>A {@linkplain #withScenario scenario}'s sessions are listed by {@code session/get} while they are
 * open (Plesk shows no history), {@code session/terminate} ends them, and its audit steps are logged
 * as action-log entries (type = action, class = object type, obj_id = object id, user = actor) with
 * the next ids, in time order, once the clock reaches them. The panel's zone ({@link #withServerZone},
 * default UTC): {@code session/get} writes {@code login-time} and {@code idle} as local times in it,
 * without an offset, as Plesk does; at the fall-back of daylight saving two instants an hour apart
 * read the same, and the spring-forward hour is never written. The action log's times are epoch
 * seconds, which no zone changes. {@link #client()} is given the same {@code serverZone}.
 *
 * <p>Its parts: {@code PleskAgent} (the endpoint and its operation table), {@code PleskKeys} (auth and
 * secret keys), {@code PleskSessions}, {@code PleskActionLog} (both logs) and {@code PleskPacket} (the
 * XML wire).
 */
public final class PleskSimulator extends SimulatorBase<PleskSimulator> {
    /** The secret key {@link #client()} signs in with ({@code KEY} header). */
    public static final String SECRET_KEY = "0e5b7c1a-7e57-4b1d-9c1e-5d6b2a3f4c8e";
    /** The login accepted with {@link #PASSWORD} ({@code HTTP_AUTH_LOGIN}). */
    public static final String LOGIN = "admin";
    /** The password accepted for {@link #LOGIN} ({@code HTTP_AUTH_PASSWD}). */
    public static final String PASSWORD = "testkit-password";

    private final PleskKeys keys = new PleskKeys(this);
    private final PleskSessions sessions = new PleskSessions(this);
    private final PleskActionLog log;
    private final PleskAgent agent;
    private final PleskPanelProfile profile = new PleskPanelProfile();

    private PleskSimulator(InetSocketAddress address) {
        super("plesk", address, 3, PleskSimulator::new);
        this.log = new PleskActionLog(this);
        this.agent = new PleskAgent(this, keys, sessions, log, profile);
    }

    private PleskSimulator(PleskSimulator parent, int number) {
        super(parent, number);
        this.log = new PleskActionLog(this, parent.log);
        this.agent = new PleskAgent(this, keys, sessions, log, profile);
    }

    /** The one endpoint; every call is a POST. */
    @Override
    Routes routes() {
        return new Routes().on("POST", Routes.exact(PleskAgent.PATH), agent::handle)
                .onWrongMethod((ex, allowed) -> ex.respond(405, "text/plain", "use POST"));
    }

    @Override
    void scenarioChanged() {
        log.scenarioChanged();
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
     * A log of ids 1..n.
     *
     * @param n the newest id; 0 for an empty log
     * @return this simulator
     */
    public PleskSimulator withEvents(long n) {
        log.generate(n);
        return this;
    }

    /**
     * Adds a session the test chooses.
     *
     * @param session the session, listed after the generated ones
     * @return this simulator
     */
    public PleskSimulator withSession(PleskSession session) {
        sessions.add(session);
        return this;
    }

    /**
     * The panel logs {@code n} more actions.
     *
     * @param n how many entries to add to the log
     */
    public void addEvents(int n) {
        log.add(n);
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
        log.reset();
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
        return addKey(Objects.requireNonNull(ip, "ip"), LOGIN, "admin");
    }

    private String addKey(String ip, String login, String role) {
        profile.role(login, role);
        return keys.add(ip, login, role + " key");
    }

    /** {@return the id of the newest log entry, as of the clock} */
    public long lastEventId() {
        return log.lastId();
    }

    /** {@return how many {@code event_log/get} calls asked Plesk to delete what they read} */
    public int flushes() {
        return log.flushes();
    }

    /** {@return a client for this simulator, signed in with its secret key; close it} */
    public PleskClient client() {
        return clientBuilder().build();
    }

    /** {@return a builder with the endpoint, secret key and zone set, to adjust timeouts, retries and so on} */
    public PleskClient.Builder clientBuilder() {
        return PleskClient.builder().endpoint(endpoint()).credentials(PleskCredentials.secretKey(SECRET_KEY))
                .serverZone(zone());
    }

    /** {@return the panel's zone, in which its session times are written (default UTC)} */
    public ZoneId zone() {
        return serverZone();
    }

    /** {@return the open sessions as of the clock: generated, added, and the scenario's open ones} */
    public List<PleskSession> sessions() {
        return sessions.open();
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
}
