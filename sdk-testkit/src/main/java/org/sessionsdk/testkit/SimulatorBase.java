package org.sessionsdk.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * What the built-in vendor simulators share above the {@link Simulator} engine: the seed and size of
 * the generated data, the server's zone, the scenario being played, tenants made like their parent,
 * a route table, a count of refused requests, and every fluent {@code with...} setting returning the
 * vendor's own type. A vendor simulator adds only its wire, its data and its routes.
 *
 * @param <S> the vendor simulator's own type
 */
abstract class SimulatorBase<S extends SimulatorBase<S>> extends Simulator {
    private volatile long seed = 42;
    private volatile int generated;
    private volatile ZoneId zone = ZoneOffset.UTC;
    private volatile ScenarioPlayback scenario = ScenarioPlayback.NONE;
    private volatile Routes routes;
    private final AtomicInteger rejected = new AtomicInteger();
    /** Makes a tenant of this vendor: the vendor's tenant constructor. */
    private final BiFunction<S, Integer, S> tenants;

    /**
     * Opens the port.
     *
     * @param sessions how many sessions are generated until {@link #withSessions} says otherwise
     * @param tenants  the vendor's tenant constructor, {@code (parent, number) -> tenant}
     */
    SimulatorBase(String vendor, InetSocketAddress address, int sessions, BiFunction<S, Integer, S> tenants) {
        super(vendor, address);
        this.generated = sessions;
        this.tenants = tenants;
    }

    /** A tenant: the parent's sizes and zone, data of its own (a seed made from the parent's and the number). */
    SimulatorBase(S parent, int number) {
        super(parent, number);
        SimulatorBase<S> p = parent;
        this.seed = p.seed * 1_000_003L + number;
        this.generated = p.generated;
        this.zone = p.zone;
        this.tenants = p.tenants;
    }

    @Override
    protected final S newTenant(int number) {
        return tenants.apply(self(), number);
    }

    /** {@return the vendor's paths and what answers them; built once, on the first request} */
    abstract Routes routes();

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /**
     * The server served under {@code /t/<number>} on this simulator's port: its own data, journal,
     * faults and clock, made on first use. Its {@code client()} points at it.
     *
     * @param number 1 to {@link Simulator#MAX_TENANTS}
     * @return the tenant
     */
    public S tenant(int number) {
        return tenantOf(number);
    }

    /**
     * Answers by this clock from now on; generated history is placed just before its current instant
     * (the {@linkplain #anchor() anchor}).
     *
     * @param clock e.g. a {@link SimClock}
     * @return this simulator
     */
    public S withClock(Clock clock) {
        useClock(clock);
        return self();
    }

    @Override
    public S withClockSkew(Duration skew) {
        useClockSkew(skew);
        return self();
    }

    @Override
    public S withClockDrift(Duration perHour) {
        useClockDrift(perHour);
        return self();
    }

    @Override
    public S withLateRows(Duration delay) {
        useLateRows(delay);
        return self();
    }

    @Override
    public S withServerZone(ZoneId zone) {
        useServerZone(zone);
        return self();
    }

    @Override
    protected void useServerZone(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The seed of the generated data (default 42): the same seed gives the same data.
     *
     * @param seed any value
     * @return this simulator
     */
    @Override
    public S withSeed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * {@code n} generated sessions (made as they are listed, none stored).
     *
     * @param n how many, not negative
     * @return this simulator
     * @throws IllegalArgumentException if {@code n} is negative
     */
    @Override
    public S withSessions(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        this.generated = n;
        return self();
    }

    /**
     * Plays a scenario from the anchor on, as the class description says this vendor shows it.
     *
     * @param scenario what happens
     * @return this simulator
     */
    @Override
    public S withScenario(Scenario scenario) {
        this.scenario = new ScenarioPlayback(scenario);
        useScenarioConditions(scenario);
        scenarioChanged();
        return self();
    }

    /** A new scenario is played: the vendor forgets what it logged of the old one. */
    void scenarioChanged() {
    }

    @Override
    protected final void handle(SimExchange ex) throws IOException {
        Routes r = routes;
        if (r == null) {
            r = routes = routes();
        }
        r.serve(ex);
    }

    long seed() {
        return seed;
    }

    /** {@return how many sessions are generated} */
    int generated() {
        return generated;
    }

    /** {@return the server's zone (UTC unless set): vendors that write local times write them in it} */
    ZoneId serverZone() {
        return zone;
    }

    ScenarioPlayback scenario() {
        return scenario;
    }

    /** {@return the scenario's sessions listed by now (late rows held back), in start order} */
    List<ScenarioPlayback.Lived> scenarioSessions() {
        return scenario.sessions(anchor(), time().publishedBy());
    }

    /** {@return the scenario's audit steps listed by now, in time order} */
    List<ScenarioPlayback.Entry> scenarioAudit() {
        return scenario.audit(anchor(), time().publishedBy());
    }

    /**
     * The scenario session labelled so, whenever it starts.
     *
     * @throws IllegalArgumentException if the scenario has no such session
     */
    ScenarioPlayback.Lived scenarioSession(String label) {
        ScenarioPlayback.Lived l = scenario.session(label, anchor(), Instant.MAX);
        if (l == null) {
            throw new IllegalArgumentException("the scenario has no session " + label);
        }
        return l;
    }

    /** {@return how many of the scenario's log resets come before an entry logged at {@code at}} */
    int logResetsBefore(Instant at) {
        return time().logResetsBefore(at);
    }

    /** {@return how many of the scenario's log resets the clock has reached} */
    int logResetsDue() {
        return time().logResetsDue();
    }

    /** {@return the status the scenario has the audit log of the user {@code isUser} accepts fail with now, or null} */
    Integer scenarioAuditLogFailure(Predicate<String> isUser) {
        return time().auditLogFailure(isUser);
    }

    /** Counts a request refused for its credentials. */
    void reject() {
        rejected.incrementAndGet();
    }

    /** {@return requests refused for their credentials} */
    int rejected() {
        return rejected.get();
    }

    /** {@return requests refused for their credentials: a missing or wrong key, password, token or session} */
    public int rejectedRequests() {
        return rejected();
    }
}
