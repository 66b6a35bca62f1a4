package org.sessionsdk.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    private final String vendor;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Faults faults = new Faults(() -> clock().instant());
    /** How many requests the journal keeps; older ones are dropped, {@link #requestCount()} still counts them. */
    public static final int JOURNAL_SIZE = 10_000;

    private final AtomicInteger requests = new AtomicInteger();
    private final ArrayDeque<RecordedRequest> journal = new ArrayDeque<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final String host;
    /** The simulator whose port this tenant is served on, or null for one with its own port. */
    private final Simulator parent;
    private final int tenantNumber;
    private final Map<Integer, Simulator> tenants = new java.util.concurrent.ConcurrentHashMap<>();
    /** Paths under it are served by a tenant: {@code /t/7/enterprise/control/agent.php} is tenant 7's. */
    public static final String TENANT_PREFIX = "/t/";
    /** The highest tenant number served. */
    public static final int MAX_TENANTS = 100_000;
    /** The clock given (the client's); the server reads it through {@link #conditions}. */
    private volatile Clock clock = Clock.systemUTC();
    /** The given clock's instant, to the second, when the simulator started or got it. */
    private volatile Instant anchor = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    private final Conditions conditions;
    private final Clock serverClock = new ServerClock(new Clock() {
        // reads whichever clock the simulator has now, so the server clock follows withClock
        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public java.time.ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return clock.withZone(zone);
        }
    }, t -> conditionsServer(t));

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
        this.conditions = new Conditions();
        InetSocketAddress bind = address != null ? address : new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        this.host = address == null ? "127.0.0.1" : uriHost(bind.getHostString());
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, vendor + "-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(bind, 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + (address == null ? "a loopback port" : host + ":" + bind.getPort())
                    + " for the " + vendor + " simulator", e);
        }
        server.createContext("/", raw -> {
            try (raw) {
                SimExchange ex = new SimExchange(raw);
                Simulator target = route(ex);
                if (target == null) {
                    ex.respond(404, "text/plain", "no such tenant in the " + vendor + " simulator: " + ex.path()
                            + " (tenants are /t/1 to /t/" + MAX_TENANTS + ")");
                } else {
                    target.serve(ex);
                }
            } catch (IOException clientGone) {
                // the client closed early (a test that stops reading): nothing to answer
            }
        });
        server.setExecutor(executor);
        server.start();
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
        this.server = null;
        this.executor = null;
        this.clock = parent.clock;
        this.anchor = parent.anchor;
        this.conditions = parent.conditions.copy();
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

    /** Journal, conditions and faults, the vendor's answer, and a 500 when the answer itself fails. */
    private void serve(SimExchange ex) throws IOException {
        record(ex);
        try {
            Instant now = clock.instant();
            Scenario.SlowBody slow = conditions.slow(now, anchor);
            if (slow != null) {
                ex.slowBody(slow.bytesPerChunk(), slow.pause());
            }
            Scenario.Fail failing = conditions.failing(now, anchor);
            Faults.Fault fault = failing != null ? new Faults.Status(failing.status(), "", null) : faults.poll();
            if (fault instanceof Faults.SlowBody s) {
                ex.slowBody(s.bytesPerChunk(), s.pause());
                fault = null;
            }
            if (fault != null) {
                play(fault, ex);
            } else {
                handle(ex);
            }
        } catch (RuntimeException bug) {
            // the 500 is sent before the exchange closes: a closed exchange can only drop the connection
            if (ex.answered()) {
                throw new IOException("failed while answering", bug);
            }
            ex.respond(500, "text/plain", "the " + vendor + " simulator failed: " + bug);
        }
        if (!ex.answered()) {
            ex.respond(404, "text/plain", "no such resource in the " + vendor + " simulator: " + ex.path());
        }
    }

    /** This simulator for a plain path, a tenant for {@code /t/<n>/...}, or null for a tenant out of range. */
    private Simulator route(SimExchange ex) {
        String path = ex.path();
        if (!path.startsWith(TENANT_PREFIX)) {
            return this;
        }
        int slash = path.indexOf('/', TENANT_PREFIX.length());
        String number = path.substring(TENANT_PREFIX.length(), slash < 0 ? path.length() : slash);
        if (number.isEmpty() || number.length() > 6 || !number.chars().allMatch(c -> c >= '0' && c <= '9')
                || number.charAt(0) == '0' || Integer.parseInt(number) > MAX_TENANTS) {
            return null;
        }
        ex.stripPrefix(TENANT_PREFIX + number);
        try {
            return tenantOf(Integer.parseInt(number));
        } catch (UnsupportedOperationException noTenants) {
            return null;
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
    public Simulator withClockSkew(java.time.Duration skew) {
        useClockSkew(skew);
        return this;
    }

    /**
     * Lets the server's clock gain {@code perHour} for every hour past the anchor (lose when negative).
     *
     * @param perHour the drift an hour
     * @return this simulator
     */
    public Simulator withClockDrift(java.time.Duration perHour) {
        useClockDrift(perHour);
        return this;
    }

    /**
     * Lists a scenario's rows only {@code delay} after they happen.
     *
     * @param delay how late; zero for at once
     * @return this simulator
     */
    public Simulator withLateRows(java.time.Duration delay) {
        useLateRows(delay);
        return this;
    }

    /**
     * The server's zone, for vendors that write local times.
     *
     * @param zone the zone
     * @return this simulator
     */
    public Simulator withServerZone(java.time.ZoneId zone) {
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
        return URI.create("http://" + host + ":" + server.getAddress().getPort());
    }

    private static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * {@return the server's clock, the one the simulator answers by: the clock it was given (the
     * system clock unless a test set one) plus any {@linkplain #useClockSkew skew} and
     * {@linkplain #useClockDrift drift}. It follows later changes of clock, skew and drift}
     */
    public Clock clock() {
        return serverClock;
    }

    /**
     * {@return where generated history ends, by the server's clock: the given clock's instant, to the
     * second, when the simulator started or was given its clock, plus the skew. Generated records lie
     * before it (the newest just before), so {@code TimeRange.last(Duration.ofDays(1))} finds them; what
     * happens later comes from a scenario or from a test's own calls}
     */
    public Instant anchor() {
        return conditions.server(anchor, anchor).truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * {@return how many of the scenario's log resets an entry logged at {@code time} (the anchor plus
     * its offset) comes after}
     */
    int logResetsBefore(Instant time) {
        return conditions.resetsBy(time, anchor());
    }

    /** {@return how many of the scenario's log resets the clock has reached} */
    int logResetsDue() {
        return conditions.resetsBy(clock.instant(), anchor);
    }

    /** {@return the status the scenario has the audit log of the user {@code isUser} accepts fail with now, or null} */
    Integer scenarioAuditLogFailure(java.util.function.Predicate<String> isUser) {
        return conditions.failingAuditLog(isUser, clock.instant(), anchor);
    }

    private Instant conditionsServer(Instant now) {
        return conditions.server(now, anchor);
    }

    /**
     * Runs the server's clock ahead of the simulator's clock (behind when negative): every time the
     * server stamps, and the "now" it filters by, is {@code skew} off from the client's. The history it
     * generates moves with it. Vendor simulators expose it as {@code withClockSkew}.
     *
     * @param skew how far ahead the server's clock is
     */
    protected void useClockSkew(java.time.Duration skew) {
        conditions.skew(skew);
    }

    /**
     * Lets the server's clock drift: it gains {@code perHour} for every hour the simulator's clock moves
     * past the anchor (loses when negative), on top of the skew. Vendor simulators expose it as
     * {@code withClockDrift}.
     *
     * @param perHour how much the server's clock gains an hour
     */
    protected void useClockDrift(java.time.Duration perHour) {
        conditions.drift(perHour);
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
    protected void useLateRows(java.time.Duration delay) {
        conditions.lateRows(delay);
    }

    /**
     * Writes times in this zone, where the vendor's wire has local times; the vendor simulators that have
     * such times override it. Vendor simulators expose it as {@code withServerZone}.
     *
     * @param zone the server's zone
     */
    protected void useServerZone(java.time.ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
    }

    /**
     * Plays a scenario's conditions (skew, drift, late rows, timed failures and slow bodies, zone); the
     * vendor simulator plays its sessions and audit entries. Called by each {@code withScenario}.
     *
     * @param scenario the scenario
     */
    protected void useScenarioConditions(Scenario scenario) {
        conditions.play(scenario);
        java.time.ZoneId zone = conditions.zone();
        if (zone != null) {
            useServerZone(zone);
        }
    }

    /**
     * {@return the server's instant up to which rows are listed: its clock's now, less how late rows
     * come. Give it to the scenario playback where a vendor lists what has happened}
     */
    Instant publishedBy() {
        Instant now = clock.instant();
        return conditions.server(now, anchor).minus(conditions.lateRows(now, anchor));
    }

    /**
     * Answers by this clock from now on, and places generated history before its current instant.
     * Vendor simulators expose it as {@code withClock}.
     *
     * @param clock the clock, e.g. a {@link SimClock}
     */
    protected void useClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.anchor = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@return failures to play on the next requests} */
    public Faults faults() {
        return faults;
    }

    /** {@return how many requests were received since start or {@link #clearRequests()}, faults included} */
    public int requestCount() {
        return requests.get();
    }

    /**
     * {@return the requests received, oldest first, faults included: method, path, query, headers
     * (credentials masked) and body; at most the last {@value #JOURNAL_SIZE}}
     */
    public List<RecordedRequest> requests() {
        synchronized (journal) {
            return List.copyOf(journal);
        }
    }

    /** {@return the newest request received, or empty before the first} */
    public Optional<RecordedRequest> lastRequest() {
        synchronized (journal) {
            return Optional.ofNullable(journal.peekLast());
        }
    }

    /** Forgets every request received so far: the journal and the count start again. */
    public void clearRequests() {
        synchronized (journal) {
            journal.clear();
            requests.set(0);
        }
    }

    private void record(SimExchange ex) {
        requests.incrementAndGet();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.raw().getRequestHeaders().forEach((name, values) ->
                headers.put(name, values.stream().map(v -> RecordedRequest.mask(name, v)).toList()));
        RecordedRequest r = new RecordedRequest(ex.method(), ex.path(), ex.queryParams(), headers, ex.bodyText());
        synchronized (journal) {
            if (journal.size() == JOURNAL_SIZE) {
                journal.removeFirst();
            }
            journal.addLast(r);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        if (parent != null) {
            return; // the parent owns the port
        }
        tenants.values().forEach(t -> t.closed.countDown());
        server.stop(0);
        executor.shutdownNow();
    }

    private void play(Faults.Fault fault, SimExchange ex) throws IOException {
        if (fault instanceof Faults.Status s) {
            if (s.retryAfter() != null) {
                ex.responseHeader("Retry-After", s.retryAfter());
            }
            ex.respond(s.status(), contentType(), s.body() == null ? "" : s.body());
        } else if (fault instanceof Faults.Reset) {
            // closing the exchange without a status line drops the connection
            ex.raw().getResponseBody().close();
            throw new IOException("reset on purpose");
        } else if (fault instanceof Faults.DropMidBody) {
            // promise more than is sent, then close: the client sees the body end early
            byte[] prefix = stallPrefix().getBytes(StandardCharsets.UTF_8);
            ex.raw().getResponseHeaders().set("Content-Type", contentType());
            ex.raw().sendResponseHeaders(200, prefix.length + 100_000L);
            OutputStream out = ex.raw().getResponseBody();
            out.write(prefix);
            out.flush();
            ex.raw().close();
            throw new IOException("dropped mid-body on purpose");
        } else if (fault instanceof Faults.Malformed) {
            ex.respond(200, contentType(), malformedBody());
        } else {
            ex.respondStreaming(200, contentType(), out -> stall(out));
        }
    }

    private void stall(OutputStream out) throws IOException {
        out.write(stallPrefix().getBytes(StandardCharsets.UTF_8));
        out.flush();
        try {
            // hold the connection open without sending more, until the client hangs up or we close
            closed.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
