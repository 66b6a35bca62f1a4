package org.sessionsdk.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * A vendor's API served for real on 127.0.0.1 (an ephemeral port): the base of every simulator. It
 * records every request in a journal ({@link #requests()}, the last {@value #JOURNAL_SIZE} kept),
 * plays queued {@link Faults}, and hands everything else to the vendor's {@link #handle(SimExchange)}.
 *
 * <p>Each vendor simulator has a {@code static start()} factory and its {@link SimulatorProvider}, through
 * which {@link SimulatorExtension} and the CLI find it.
 */
public abstract class Simulator implements AutoCloseable {
    static {
        // Without TCP_NODELAY the JDK server waits out a 40 ms delayed ACK on every answer. Read once by
        // the JDK when its first server starts; a value the application set itself is kept.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    // The engine's parts, each with one job: the journal, time (clock, anchor, conditions), the fault
    // player and the tenants. The vendor subclass adds only its wire and data.
    private final String vendor;
    /** The port, or null for a tenant (its parent's port serves it). */
    private final Listener listener;
    /** How many requests the journal keeps; older ones are dropped, {@link #requestCount()} still counts them. */
    public static final int JOURNAL_SIZE = 10_000;

    private final RequestJournal journal = new RequestJournal(JOURNAL_SIZE);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final String host;
    /** The simulator whose port this tenant is served on, or null for one with its own port. */
    private final Simulator parent;
    private final int tenantNumber;
    private final Map<Integer, Simulator> tenants = new ConcurrentHashMap<>();
    /** Paths under it are served by a tenant: {@code /t/7/enterprise/control/agent.php} is tenant 7's. */
    public static final String TENANT_PREFIX = "/t/";
    /** The highest tenant number served. */
    public static final int MAX_TENANTS = 100_000;
    private final SimTime time;
    private final Faults faults;
    private final RequestPipeline pipeline;

    /**
     * Opens the loopback port and starts serving.
     *
     * @param vendor the vendor's name, for thread names and messages
     * @throws java.io.UncheckedIOException if no loopback port can be opened
     */
    protected Simulator(String vendor) {
        this(vendor, null);
    }

    /**
     * Opens a port on the given address and starts serving.
     *
     * @param vendor the vendor's name, for thread names and messages
     * @param address where to listen; null for 127.0.0.1 on an ephemeral port. Port 0 is an
     *     ephemeral port; any address but loopback makes the simulator reachable from elsewhere
     * @throws java.io.UncheckedIOException if the port cannot be opened
     */
    protected Simulator(String vendor, InetSocketAddress address) {
        this.vendor = vendor;
        this.parent = null;
        this.tenantNumber = 0;
        this.time = new SimTime();
        this.faults = new Faults(() -> clock().instant());
        this.pipeline = new RequestPipeline(this, journal, time, faults, closed);
        this.listener = new Listener(vendor, address, this::dispatch);
        this.host = listener.host();
    }

    /**
     * A tenant of {@code parent}: served on the parent's port under {@code /t/<number>}, with its own
     * data, journal and faults, and the parent's clock until it is given its own.
     *
     * @param parent the simulator that owns the port
     * @param number the tenant's number, 1 to {@link #MAX_TENANTS}
     */
    protected Simulator(Simulator parent, int number) {
        this.vendor = parent.vendor;
        this.parent = parent;
        this.tenantNumber = number;
        this.host = parent.host;
        this.listener = null;
        this.time = new SimTime(parent.time);
        this.faults = new Faults(() -> clock().instant());
        this.pipeline = new RequestPipeline(this, journal, time, faults, closed);
    }

    /**
     * Makes tenant {@code number} of this simulator, configured like it (sizes, zone) but with data of
     * its own (another seed).
     *
     * @param number the tenant's number, 1 to {@link #MAX_TENANTS}
     * @return the new tenant; it opens no port
     * @throws UnsupportedOperationException unless the vendor simulator serves tenants (all four do)
     */
    protected Simulator newTenant(int number) {
        throw new UnsupportedOperationException("the " + vendor + " simulator serves no tenants");
    }

    /**
     * The tenant served under {@code /t/<number>} on this simulator's port, made on first use (by this
     * call or by the first request to its path), so a test can follow a thousand "servers" on one port.
     * Each tenant has its own data, journal, faults and clock; give it a clock offset with
     * {@code tenant(n).withClock(Clock.offset(sim.clock(), offset))}.
     *
     * @param number 1 to {@link #MAX_TENANTS}
     * @param <S>    the vendor simulator's type
     * @return the tenant
     * @throws IllegalArgumentException if the number is out of range
     * @throws IllegalStateException if this simulator is itself a tenant
     */
    @SuppressWarnings("unchecked")
    protected <S extends Simulator> S tenantOf(int number) {
        if (parent != null) {
            throw new IllegalStateException("a tenant has no tenants of its own");
        }
        if (number < 1 || number > MAX_TENANTS) {
            throw new IllegalArgumentException("tenant numbers run from 1 to " + MAX_TENANTS + ": " + number);
        }
        return (S) tenants.computeIfAbsent(number, this::newTenant);
    }

    /** {@return the tenant number under which this simulator is served, or 0 for one with its own port} */
    public int tenantNumber() {
        return tenantNumber;
    }

    /** Hands a request to its simulator: this one, or the tenant its path names. */
    private void dispatch(SimExchange ex) throws IOException {
        Simulator target = TenantPath.route(this, ex);
        if (target == null) {
            ex.respond(404, "text/plain", "no such tenant in the " + vendor + " simulator: " + ex.path()
                    + " (tenants are /t/1 to /t/" + MAX_TENANTS + ")");
        } else {
            target.pipeline.serve(ex);
        }
    }

    /**
     * The vendor's behaviour: answer one request.
     *
     * @param exchange the request, and the way to answer it
     * @throws IOException if the client went away while the answer was written
     */
    protected abstract void handle(SimExchange exchange) throws IOException;

    /** {@return a body the vendor would never send, for {@link Faults#malformedNext()}} */
    protected abstract String malformedBody();

    /** {@return the media type of the vendor's bodies} */
    protected abstract String contentType();

    /** {@return the first bytes of a normal answer, sent before a stall} */
    protected abstract String stallPrefix();

    /** {@return the vendor's name, e.g. {@code plesk}} */
    public String vendor() {
        return vendor;
    }

    /**
     * Regenerates the data from a seed; each vendor simulator returns itself.
     *
     * @param seed the seed of the generated data
     * @return this simulator
     */
    public abstract Simulator withSeed(long seed);

    /**
     * Generates {@code n} sessions instead of the default count; each vendor simulator returns itself.
     *
     * @param n how many
     * @return this simulator
     */
    public abstract Simulator withSessions(int n);

    /**
     * Plays a scenario from the anchor on; each vendor simulator says how its API shows it.
     *
     * @param scenario what happens
     * @return this simulator
     */
    public abstract Simulator withScenario(Scenario scenario);

    /**
     * Runs the server's clock ahead of the client's (behind when negative).
     *
     * @param skew how far ahead
     * @return this simulator
     */
    public Simulator withClockSkew(Duration skew) {
        useClockSkew(skew);
        return this;
    }

    /**
     * Lets the server's clock gain {@code perHour} for every hour past the anchor (lose when negative).
     *
     * @param perHour the drift an hour
     * @return this simulator
     */
    public Simulator withClockDrift(Duration perHour) {
        useClockDrift(perHour);
        return this;
    }

    /**
     * Lists a scenario's rows only {@code delay} after they happen.
     *
     * @param delay how late; zero for at once
     * @return this simulator
     */
    public Simulator withLateRows(Duration delay) {
        useLateRows(delay);
        return this;
    }

    /**
     * The server's zone, for vendors that write local times.
     *
     * @param zone the zone
     * @return this simulator
     */
    public Simulator withServerZone(ZoneId zone) {
        useServerZone(zone);
        return this;
    }

    /** {@return a client of the SDK signed in to this simulator; each vendor simulator returns its own type; close it} */
    public abstract org.sessionsdk.core.client.SessionClient client();

    /**
     * {@return the base URI to give a client, {@code http://127.0.0.1:<port>}, or the host it was
     * started on; a tenant's ends in {@code /t/<n>}}
     */
    public URI endpoint() {
        if (parent != null) {
            return URI.create(parent.endpoint() + TENANT_PREFIX + tenantNumber);
        }
        return URI.create("http://" + host + ":" + listener.port());
    }

    /**
     * {@return the server's clock, the one the simulator answers by: the clock it was given (the
     * system clock unless a test set one) plus any {@linkplain #useClockSkew skew} and
     * {@linkplain #useClockDrift drift}. It follows later changes of clock, skew and drift}
     */
    public Clock clock() {
        return time.serverClock();
    }

    /**
     * {@return where generated history ends, by the server's clock: the given clock's instant, to the
     * second, when the simulator started or was given its clock, plus the skew. Generated records lie
     * before it (the newest just before), so {@code TimeRange.last(Duration.ofDays(1))} finds them; what
     * happens later comes from a scenario or from a test's own calls}
     */
    public Instant anchor() {
        return time.anchor();
    }

    /** {@return this simulator's time: its clock, anchor and conditions, for the vendor's data} */
    SimTime time() {
        return time;
    }

    /**
     * Runs the server's clock ahead of the simulator's clock (behind when negative): every time the
     * server stamps, and the "now" it filters by, is {@code skew} off from the client's. The history it
     * generates moves with it. Vendor simulators expose it as {@code withClockSkew}.
     *
     * @param skew how far ahead the server's clock is
     */
    protected void useClockSkew(Duration skew) {
        time.conditions().skew(skew);
    }

    /**
     * Lets the server's clock drift: it gains {@code perHour} for every hour the simulator's clock moves
     * past the anchor (loses when negative), on top of the skew. Vendor simulators expose it as
     * {@code withClockDrift}.
     *
     * @param perHour how much the server's clock gains an hour
     */
    protected void useClockDrift(Duration perHour) {
        time.conditions().drift(perHour);
    }

    /**
     * Lists rows late: a scenario's session start, session end or audit entry is listed only once the
     * server's clock has reached its time plus {@code delay}. Until its start is listed a session is
     * absent; until its end is, it is open. Rows keep their true times. Generated history counts as
     * listed already. Vendor simulators expose it as {@code withLateRows}.
     *
     * @param delay how late; not negative, zero for at once
     * @throws IllegalArgumentException if {@code delay} is negative
     */
    protected void useLateRows(Duration delay) {
        time.conditions().lateRows(delay);
    }

    /**
     * Writes times in this zone, where the vendor's wire has local times; the vendor simulators that have
     * such times override it. Vendor simulators expose it as {@code withServerZone}.
     *
     * @param zone the server's zone
     */
    protected void useServerZone(ZoneId zone) {
        java.util.Objects.requireNonNull(zone, "zone");
    }

    /**
     * Plays a scenario's conditions (skew, drift, late rows, timed failures and slow bodies, zone); the
     * vendor simulator plays its sessions and audit entries. Called by each {@code withScenario}.
     *
     * @param scenario the scenario
     */
    protected void useScenarioConditions(Scenario scenario) {
        time.conditions().play(scenario);
        ZoneId zone = time.conditions().zone();
        if (zone != null) {
            useServerZone(zone);
        }
    }

    /**
     * Answers by this clock from now on, and places generated history before its current instant.
     * Vendor simulators expose it as {@code withClock}.
     *
     * @param clock the clock, e.g. a {@link SimClock}
     */
    protected void useClock(Clock clock) {
        time.use(clock);
    }

    /** {@return failures to play on the next requests} */
    public Faults faults() {
        return faults;
    }

    /** {@return how many requests were received since start or {@link #clearRequests()}, faults included} */
    public int requestCount() {
        return journal.count();
    }

    /**
     * {@return the requests received, oldest first, faults included: method, path, query, headers
     * (credentials masked) and body; at most the last {@value #JOURNAL_SIZE}}
     */
    public List<RecordedRequest> requests() {
        return journal.all();
    }

    /** {@return the newest request received, or empty before the first} */
    public Optional<RecordedRequest> lastRequest() {
        return journal.last();
    }

    /** Forgets every request received so far: the journal and the count start again. */
    public void clearRequests() {
        journal.clear();
    }

    @Override
    public void close() {
        closed.countDown();
        if (parent != null) {
            return; // the parent owns the port
        }
        tenants.values().forEach(t -> t.closed.countDown());
        listener.stop();
    }
}
