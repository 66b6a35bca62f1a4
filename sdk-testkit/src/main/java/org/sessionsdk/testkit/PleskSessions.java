package org.sessionsdk.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sessionsdk.plesk.PleskSession;
import static org.sessionsdk.testkit.PleskPacket.error;
import static org.sessionsdk.testkit.PleskPacket.ok;

/**
 * {@link PleskSimulator}'s open sessions: generated ones (the newest logged in 7 minutes before the
 * anchor), the test's own, those {@code server/create_session} made, and the scenario's open ones;
 * {@code session/get}, {@code session/terminate} and {@code server/create_session}. Times are local
 * to the panel's zone, as Plesk writes them.
 */
final class PleskSessions {
    /** xs:dateTime as Plesk writes it: seconds always, no fraction, no offset (seed session/get). */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private final PleskSimulator sim;
    private final Set<Integer> terminated = ConcurrentHashMap.newKeySet();
    private final Map<String, PleskSession> extra = new ConcurrentHashMap<>();
    private final AtomicInteger created = new AtomicInteger();

    PleskSessions(PleskSimulator sim) {
        this.sim = sim;
    }

    void add(PleskSession session) {
        extra.put(session.id(), session);
    }

    /** The open sessions as of the clock: generated, added, and the scenario's open ones. */
    List<PleskSession> open() {
        List<PleskSession> all = new ArrayList<>();
        for (int i = 0; i < sim.generated(); i++) {
            if (!terminated.contains(i)) {
                all.add(generated(i));
            }
        }
        all.addAll(extra.values());
        for (ScenarioPlayback.Lived l : sim.scenarioSessions()) {
            if (l.open()) {
                LocalDateTime login = LocalDateTime.ofInstant(l.start(), sim.zone());
                all.add(new PleskSession(l.label(), PleskSimulator.LOGIN.equals(l.user()) ? "admin" : "client",
                        l.address() == null ? "127.0.0.1" : l.address(), l.user(), login, login));
            }
        }
        return all;
    }

    /** {@code session/get}. */
    String get() {
        StringBuilder sb = new StringBuilder();
        for (PleskSession s : open()) {
            sb.append("<session><id>").append(SimData.xml(s.id())).append("</id><type>").append(SimData.xml(s.type()))
                    .append("</type><ip-address>").append(SimData.xml(s.ipAddress())).append("</ip-address><login>")
                    .append(SimData.xml(s.login())).append("</login><login-time>").append(s.loginTime().format(DATE_TIME))
                    .append("</login-time><idle>").append(s.idle().format(DATE_TIME)).append("</idle></session>\n");
        }
        return ok(sb.toString());
    }

    /** {@code session/terminate}: removes a session; 1013 when unknown. */
    String terminate(String id) {
        boolean removed = extra.remove(id) != null
                || sim.scenario().terminate(id, sim.anchor(), sim.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        for (int i = 0; i < sim.generated() && !removed; i++) {
            if (!terminated.contains(i) && generated(i).id().equals(id)) {
                removed = terminated.add(i);
            }
        }
        return removed ? ok("") : error(1013, "Session " + id + " does not exist", "");
    }

    /** {@code server/create_session}: a session for {@code login} from the base64 {@code user_ip}. */
    String create(PleskPacket.Request r) {
        String login = r.values().get("login");
        String ip;
        try {
            ip = new String(Base64.getDecoder().decode(r.values().getOrDefault("user_ip", "")), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException notBase64) {
            // Plesk's answer to a user_ip that is not base64 is undocumented: 1019 is its "invalid value"
            return error(1019, "Invalid value of user_ip: it must be the IP address in base64", "");
        }
        String id = SimData.hex(sim.seed(), 1_000_000 + created.getAndIncrement(), 32);
        LocalDateTime now = LocalDateTime.ofInstant(sim.clock().instant(), sim.zone()).withNano(0);
        extra.put(id, new PleskSession(id, "client", ip, login, now, now));
        return ok("<id>" + id + "</id>");
    }

    private PleskSession generated(int i) {
        long seed = sim.seed();
        int n = sim.generated();
        // the newest logs in 7 minutes before the anchor; last activity is never after it
        Instant anchor = sim.anchor();
        Instant at = anchor.minusSeconds(60L * 7 * (n - i));
        LocalDateTime login = LocalDateTime.ofInstant(at, sim.zone());
        LocalDateTime idle = LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.min(
                at.getEpochSecond() + 60L * (3 + i % 40), anchor.getEpochSecond())), sim.zone());
        return new PleskSession(SimData.hex(seed, i, 32), SimData.pick(seed, i, "admin", "client", "reseller"),
                SimData.ip(seed, i), SimData.pick(seed, i + 1, "admin", "jdoe", "reseller1", "client7") + (i > 3 ? i : ""),
                login, idle);
    }
}
