package org.sessionsdk.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What happens on a simulated server over time: sessions that start and end (or are terminated) and
 * audit entries that appear, each at an offset from the simulator's {@linkplain Simulator#anchor()
 * anchor}. A simulator given a scenario ({@code withScenario}) answers every call as of its clock, so a
 * test that moves a {@link SimClock} sees each step exactly when the scenario says.
 *
 * <pre>{@code
 * Scenario s = Scenario.builder()
 *         .start(Duration.ofMinutes(1), "s1", "alice", "192.0.2.10")
 *         .audit(Duration.ofMinutes(2), "alice", "created", "domain", "example.com")
 *         .end(Duration.ofMinutes(30), "s1")
 *         .build();
 * }</pre>
 *
 * <p>The same as a file, for {@code sessions simulate --scenario FILE} (one step a line; {@code #}
 * starts a comment; {@code -} for a value that is absent; offsets like {@code +90s}, {@code +5m},
 * {@code +1h30m}, {@code +2d}, or negative for history before the anchor):
 * <pre>
 * # offset  step       id/user  ...
 * +1m       start      s1       alice  192.0.2.10
 * +2m       audit      alice    created  domain  example.com
 * +30m      end        s1
 * +45m      terminate  s2
 * </pre>
 *
 * <p>Besides what happens, a scenario can say how the server misbehaves (the real world's conditions,
 * see {@link Condition}): its clock runs ahead or behind ({@code skew}, {@code drift}), rows are listed
 * late ({@code late}), every request fails for a while ({@code fail}), bodies come slowly
 * ({@code slow}), times are local to a zone with daylight saving ({@code zone}):
 * <pre>
 * 0         zone       Europe/Berlin    # the server's zone (at 0 only)
 * 0         late       2m               # rows are listed 2 minutes after they happen
 * +5m       skew       +10m             # from +5m the server's clock reads 10 minutes ahead
 * +1h       drift      +30s             # from +1h it gains 30 s more every hour
 * +10m      fail       503  2m          # for 2 minutes every request gets a 503
 * +20m      slow       64  50ms  1m     # for a minute, bodies come 64 bytes every 50 ms
 * +30m      reset                       # the audit log is cleared: its ids start again at 1
 * +40m      failaudit  jdoe  500  20m   # for 20 minutes jdoe's audit log (SAYMON) answers 500
 * </pre>
 */
public final class Scenario {
    private final List<Step> steps;

    private Scenario(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** One thing that happens at an offset from the anchor. */
    public sealed interface Step permits Start, End, Audit, Condition {
        /** {@return when, after the simulator's anchor (negative: before it)} */
        Duration at();
    }

    /**
     * A session starts.
     *
     * @param at      when
     * @param id      the session's label (each simulator's {@code sessionId(label)} tells its id there)
     * @param user    who logs in
     * @param address where from, or null
     */
    public record Start(Duration at, String id, String user, String address) implements Step {}

    /**
     * A session ends: the user logs out, or an administrator terminates it.
     *
     * @param at         when
     * @param id         the label of a session started before
     * @param terminated whether it was terminated rather than ended by its user
     */
    public record End(Duration at, String id, boolean terminated) implements Step {}

    /**
     * An entry appears in the audit log (Plesk's action log, Ekran's alerts, SAYMON's audit log).
     *
     * @param at         when
     * @param actor      who did it
     * @param action     what was done: Plesk's event type, Ekran's alert name, SAYMON's kind
     * @param objectType what kind of object, or null
     * @param objectId   which object, or null
     */
    public record Audit(Duration at, String actor, String action, String objectType, String objectId) implements Step {}

    /**
     * How the server misbehaves from a point on, rather than what happens on it. Condition steps are
     * timed by the simulator's own clock (the client's, before any skew) from the anchor; each lasts
     * until the next step of its kind ({@code fail} and {@code slow} for their length). A condition set
     * with the simulator's {@code with...} method holds until the first such step.
     */
    public sealed interface Condition extends Step
            permits Skew, Drift, LateRows, Fail, SlowBody, Zone, ResetLog, FailAuditLog {}

    /**
     * From {@code at} the server's clock reads {@code skew} ahead of the simulator's clock (behind when
     * negative), as with {@code withClockSkew}.
     *
     * @param at   when, after the anchor
     * @param skew how far ahead
     */
    public record Skew(Duration at, Duration skew) implements Condition {}

    /**
     * From {@code at} the server's clock gains {@code perHour} every hour of the simulator's clock
     * (loses when negative), on top of the skew, as with {@code withClockDrift}.
     *
     * @param at      when, after the anchor; the drift counts from here
     * @param perHour how much it gains an hour
     */
    public record Drift(Duration at, Duration perHour) implements Condition {}

    /**
     * From {@code at} a session start, session end or audit entry is listed only once the server's
     * clock has passed its time plus {@code delay}, as with {@code withLateRows}.
     *
     * @param at    when, after the anchor
     * @param delay how late rows are listed; not negative
     */
    public record LateRows(Duration at, Duration delay) implements Condition {}

    /**
     * From {@code at}, for {@code length}, every request is answered with {@code status} and an empty
     * body, as with {@code faults().failFor(length, status)}.
     *
     * @param at     when, after the anchor
     * @param status the HTTP status, 100 to 599
     * @param length how long; positive
     */
    public record Fail(Duration at, int status, Duration length) implements Condition {}

    /**
     * From {@code at}, for {@code length}, every answer's body is written {@code bytesPerChunk} bytes at a
     * time with {@code pause} between, as with {@code faults().slowBodyNext(bytesPerChunk, pause)}.
     *
     * @param at            when, after the anchor
     * @param bytesPerChunk bytes per piece; positive
     * @param pause         real time between pieces; not negative
     * @param length        how long; positive
     */
    public record SlowBody(Duration at, int bytesPerChunk, Duration pause, Duration length) implements Condition {}

    /**
     * The server's zone, as with {@code withServerZone}: vendors that write local times without an
     * offset (Plesk's session times, senhasegura) write them in it, Ekran writes its offset. Only at 0:
     * a server does not change zone while it runs.
     *
     * @param at   0
     * @param zone the zone, e.g. {@code Europe/Berlin}
     */
    public record Zone(Duration at, ZoneId zone) implements Condition {}

    /**
     * At {@code at} the audit log is cleared, as a restored database or a server migrated behind the
     * same URL does (Plesk's action log, Ekran's alerts; as with {@code resetLog()}): what was logged
     * before is gone and the next entry gets id 1 again. An audit step at the same offset comes after
     * the reset. SAYMON and senhasegura have no id-numbered log and ignore it.
     *
     * @param at when, after the anchor
     */
    public record ResetLog(Duration at) implements Condition {}

    /**
     * From {@code at}, for {@code length}, one user's audit log (SAYMON has one per user) answers
     * {@code status} with an error body while the others answer, as with
     * {@code failAuditLogOf(user, status, until)}. Other vendors ignore it.
     *
     * @param at     when, after the anchor
     * @param user   the user's login
     * @param status the HTTP status, 400 to 599
     * @param length how long; positive
     */
    public record FailAuditLog(Duration at, String user, int status, Duration length) implements Condition {}

    /** {@return a builder of a scenario} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the steps, in time order (steps at the same time in the order they were given)} */
    public List<Step> steps() {
        return steps;
    }

    /**
     * Reads the file format shown above.
     *
     * @param text the scenario's lines
     * @return the scenario
     * @throws IllegalArgumentException naming the line, if a line is not a valid step or the steps do
     *     not make sense (an end before its start, a session started twice, ...)
     */
    public static Scenario parse(String text) {
        return ScenarioFile.parse(text, builder());
    }

    /**
     * Reads a scenario file (UTF-8).
     *
     * @param file the file
     * @return the scenario
     * @throws IOException if it cannot be read
     * @throws IllegalArgumentException if it is not a valid scenario, naming the line
     */
    public static Scenario load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * An offset or length as the file writes it, for tools that take the same form (the clock skew of
     * {@code sessions simulate}).
     *
     * @param text e.g. {@code +90s}, {@code 5m}, {@code +1h30m}, {@code -2d}, {@code 0}
     * @return the duration
     * @throws IllegalArgumentException if it is not one
     */
    public static Duration parseOffset(String text) {
        return ScenarioFile.offset(text);
    }

    /** Collects steps and checks that they make sense together. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();

        private Builder() {
        }

        /**
         * A session starts.
         *
         * @param at      when, after the anchor
         * @param id      a label no other session of the scenario has
         * @param user    who logs in
         * @param address where from, or null
         * @return this builder
         */
        public Builder start(Duration at, String id, String user, String address) {
            return add(new Start(at, id, user, address));
        }

        /**
         * A session ends: its user logs out.
         *
         * @param at when, after the session started
         * @param id the session's label
         * @return this builder
         */
        public Builder end(Duration at, String id) {
            return add(new End(at, id, false));
        }

        /**
         * A session is terminated by an administrator.
         *
         * @param at when, after the session started
         * @param id the session's label
         * @return this builder
         */
        public Builder terminate(Duration at, String id) {
            return add(new End(at, id, true));
        }

        /**
         * An audit entry appears.
         *
         * @param at         when, after the anchor
         * @param actor      who did it
         * @param action     what was done
         * @param objectType what kind of object, or null
         * @param objectId   which object, or null
         * @return this builder
         */
        public Builder audit(Duration at, String actor, String action, String objectType, String objectId) {
            return add(new Audit(at, actor, action, objectType, objectId));
        }

        /**
         * From {@code at} the server's clock reads {@code skew} ahead of the simulator's (behind when negative).
         *
         * @param at   when, after the anchor
         * @param skew how far ahead
         * @return this builder
         */
        public Builder skew(Duration at, Duration skew) {
            return add(new Skew(at, Objects.requireNonNull(skew, "skew")));
        }

        /**
         * From {@code at} the server's clock gains {@code perHour} an hour (loses when negative).
         *
         * @param at      when, after the anchor
         * @param perHour how much it gains an hour
         * @return this builder
         */
        public Builder drift(Duration at, Duration perHour) {
            return add(new Drift(at, Objects.requireNonNull(perHour, "perHour")));
        }

        /**
         * From {@code at} rows are listed {@code delay} after they happen.
         *
         * @param at    when, after the anchor
         * @param delay how late; not negative
         * @return this builder
         */
        public Builder lateRows(Duration at, Duration delay) {
            return add(new LateRows(at, delay));
        }

        /**
         * From {@code at}, for {@code length}, every request gets {@code status}.
         *
         * @param at     when, after the anchor
         * @param status the HTTP status, 100 to 599
         * @param length how long; positive
         * @return this builder
         */
        public Builder fail(Duration at, int status, Duration length) {
            return add(new Fail(at, status, length));
        }

        /**
         * From {@code at}, for {@code length}, bodies are written {@code bytesPerChunk} bytes at a time,
         * {@code pause} apart.
         *
         * @param at            when, after the anchor
         * @param bytesPerChunk bytes per piece; positive
         * @param pause         real time between pieces; not negative
         * @param length        how long; positive
         * @return this builder
         */
        public Builder slowBody(Duration at, int bytesPerChunk, Duration pause, Duration length) {
            return add(new SlowBody(at, bytesPerChunk, pause, length));
        }

        /**
         * The server's zone.
         *
         * @param zone e.g. {@code ZoneId.of("Europe/Berlin")}
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            return add(new Zone(Duration.ZERO, zone));
        }

        /**
         * At {@code at} the audit log is cleared and its ids start again at 1 (Plesk, Ekran).
         *
         * @param at when, after the anchor
         * @return this builder
         */
        public Builder resetLog(Duration at) {
            return add(new ResetLog(at));
        }

        /**
         * From {@code at}, for {@code length}, {@code user}'s audit log answers {@code status} (SAYMON).
         *
         * @param at     when, after the anchor
         * @param user   the user's login
         * @param status the HTTP status, 400 to 599
         * @param length how long; positive
         * @return this builder
         */
        public Builder failAuditLogOf(Duration at, String user, int status, Duration length) {
            return add(new FailAuditLog(at, user, status, length));
        }

        Builder add(Step step) {
            ScenarioRules.check(step);
            steps.add(step);
            return this;
        }

        /**
         * {@return the scenario}
         *
         * @throws IllegalArgumentException if a session starts twice, ends twice, ends before it
         *     starts or ends without having started
         */
        public Scenario build() {
            ScenarioRules.checkSessions(steps);
            List<Step> sorted = new ArrayList<>(steps);
            sorted.sort(Comparator.comparing(Step::at)); // stable: same-time steps keep their order
            return new Scenario(sorted);
        }
    }
}
