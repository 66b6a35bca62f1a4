package org.sessionsdk.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.sessionsdk.senhasegura.SenhaseguraSession;

/**
 * {@link SenhaseguraSimulator}'s remote sessions: rows {@code 0..n-1} generated on the fly from the
 * seed (row {@code i} has {@code id = i + 1} and a 40-hex {@code session_id} ending in {@code i}), the
 * test's own, the scenario's; and their ending by a terminate call.
 */
final class SenhaseguraSessionData {
    private final SenhaseguraSimulator sim;
    private final Map<Integer, LocalDateTime> ended = new ConcurrentHashMap<>();
    private final List<SenhaseguraSession> extra = new CopyOnWriteArrayList<>();

    SenhaseguraSessionData(SenhaseguraSimulator sim) {
        this.sim = sim;
    }

    void add(SenhaseguraSession session) {
        extra.add(session);
    }

    /** Every row, generated first, then the test's and the scenario's. */
    List<SenhaseguraSession> all() {
        List<SenhaseguraSession> all = new ArrayList<>();
        long s = sim.seed();
        for (int i = 0; i < sim.generated(); i++) {
            all.add(generated(s, i));
        }
        all.addAll(added());
        return all;
    }

    /** The test's rows and the scenario's as of now. */
    List<SenhaseguraSession> added() {
        List<SenhaseguraSession> added = new ArrayList<>(extra);
        added.addAll(scenarioRows());
        return added;
    }

    /** The row with this {@code id}, or null. */
    SenhaseguraSession find(String id) {
        try {
            long i = Long.parseLong(id) - 1;
            if (i >= 0 && i < sim.generated()) {
                return generated(sim.seed(), (int) i);
            }
        } catch (NumberFormatException notGenerated) {
            // an added session may have any id
        }
        return Stream.concat(extra.stream(), scenarioRows().stream()).filter(r -> r.id().equals(id))
                .findFirst().orElse(null);
    }

    /** Ends the live session with this {@code session_id} now; whether there was one. */
    boolean terminate(String sessionId) {
        LocalDateTime now = LocalDateTime.ofInstant(sim.clock().instant(), sim.zone()).truncatedTo(ChronoUnit.SECONDS);
        long seed = sim.seed();
        Integer index = generatedIndex(sessionId);
        if (index != null) {
            SenhaseguraSession r = generated(seed, index);
            return r.open() && ended.putIfAbsent(index, now) == null;
        }
        for (SenhaseguraSession r : extra) {
            if (r.sessionId() != null && r.sessionId().equals(sessionId) && r.open()) {
                if (extra.remove(r)) {
                    extra.add(ended(r, now));
                    return true;
                }
                break;
            }
        }
        boolean done = false;
        Instant at = sim.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        for (ScenarioPlayback.Lived l : sim.scenario().sessions(sim.anchor(), at)) {
            if (sessionId(seed, -1 - l.ordinal()).equals(sessionId)) {
                done = sim.scenario().terminate(l.label(), sim.anchor(), at);
            }
        }
        return done;
    }

    /** The scenario's sessions as of now, as rows. */
    private List<SenhaseguraSession> scenarioRows() {
        List<SenhaseguraSession> out = new ArrayList<>();
        long s = sim.seed();
        for (ScenarioPlayback.Lived l : sim.scenarioSessions()) {
            LocalDateTime start = LocalDateTime.ofInstant(l.start(), sim.zone());
            LocalDateTime end = l.end() == null ? null : LocalDateTime.ofInstant(l.end(), sim.zone());
            out.add(new SenhaseguraSession(String.valueOf(sim.generated() + 1 + l.ordinal()), l.user(),
                    l.address(), "root", "10.66.0.1:22", "ssh", "SSH Proxy", sessionId(s, -1 - l.ordinal()), start,
                    end, end == null ? null : Duration.between(l.start(), l.end()), false, null, null));
        }
        return out;
    }

    /** The index of a generated session id: 32 hex from the seed, then the index in 8 hex. */
    private Integer generatedIndex(String sessionId) {
        if (sessionId.length() != 40) {
            return null;
        }
        try {
            int i = Integer.parseUnsignedInt(sessionId.substring(32), 16);
            return i >= 0 && i < sim.generated() && sessionId.equals(sessionId(sim.seed(), i)) ? i : null;
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

    /** Generated row {@code i} as the API reports it now (ended if a client dropped it). */
    SenhaseguraSession generated(long s, int i) {
        int generated = sim.generated();
        int protocol = (int) Math.floorMod(SimData.mix(s, i, 31), 3L);
        String proto = new String[] {"ssh", "rdp", "https"}[protocol];
        int port = new int[] {22, 3389, 443}[protocol];
        long m = SimData.mix(s, i, 32);
        String device = "10.66." + Math.floorMod(m, 256L) + "." + (1 + Math.floorMod(m >>> 8, 254L)) + ":" + port;
        // a minute apart, the newest three hours before the anchor, so all but the longest have ended
        Instant startAt = sim.anchor().minusSeconds(60L * (generated - i) + 3 * 3600 + 5)
                .plusSeconds(Math.floorMod(SimData.mix(s, i, 33), 30L));
        LocalDateTime start = LocalDateTime.ofInstant(startAt, sim.zone());
        long seconds = Math.floorMod(SimData.mix(s, i, 35), 40L) == 0
                ? 24 * 3600 + Math.floorMod(SimData.mix(s, i, 36), 36 * 3600L) // hours beyond 24
                : 5 + Math.floorMod(SimData.mix(s, i, 36), 3 * 3600L);
        // a session still running at the anchor stays open: generated history is fixed
        boolean live = i == generated - 1 || Math.floorMod(SimData.mix(s, i, 34), 8L) == 0
                || startAt.plusSeconds(seconds).isAfter(sim.anchor());
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
}
