package org.sessionsdk.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.sessionsdk.saymon.SaymonAuditEntry;

/**
 * {@link SaymonSimulator}'s user list ({@code GET /node/api/users}) and users' audit logs
 * ({@code GET /node/api/users/{id}/audit-log?from=&to=&skip=&limit=}), behind the same auth as the
 * rest of the simulator (the caller is already authenticated when {@link #handle} runs).
 *
 * <p>Each user's log holds {@code perUser} generated entries (made as they are listed, none stored)
 * plus those {@linkplain #add added}. Generated entry {@code j} (0 = newest) of user {@code u} lies
 * about {@code j + 1} minutes before the simulator's {@link Simulator#anchor() anchor}, strictly
 * older as {@code j} grows. Entries are served newest first; {@code skip} counts from the newest;
 * {@code from}/{@code to} bound {@code timestamp} (inclusive); no {@code limit} (or 0) means all.
 * The viewer, lacking {@link SaymonSimulator#AUDIT_PERMISSION}, may read only his own log (403
 * otherwise); an unknown user id is a 404 {@code ResourceNotFound}.
 */
final class SaymonAuditApi {
    static final String USERS = "/node/api/users";
    private static final String PREFIX = USERS + "/";
    private static final String SUFFIX = "/audit-log";
    private static final long STEP_MS = 60_000;
    private static final long JITTER_MS = 59_000;
    private static final String[] KINDS = {"create", "update", "delete"};
    private static final String[] TYPES = {"object", "link", "user"};

    /** One entry as the wire carries it; the bodies are JSON text or null. */
    record Entry(long timestamp, String userId, String kind, String entityType, String entityId, String newBody,
                 String oldBody) {
    }

    private final SaymonSimulator sim;
    private volatile int perUser = 5;
    private volatile int insertPerPage;
    private final Map<String, List<Entry>> added = new ConcurrentHashMap<>();
    private final Map<String, Integer> failing = new ConcurrentHashMap<>();
    /** When a user's failure heals by itself (the simulator's clock); absent: until healed by hand. */
    private final Map<String, Instant> failingUntil = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inserts = new AtomicInteger();

    SaymonAuditApi(SaymonSimulator sim) {
        this.sim = sim;
    }

    /** Whether {@code path} is the user list or an audit log. */
    static boolean serves(String path) {
        return path.equals(USERS) || (path.startsWith(PREFIX) && path.endsWith(SUFFIX)
                && path.length() > PREFIX.length() + SUFFIX.length()
                && path.indexOf('/', PREFIX.length()) == path.length() - SUFFIX.length());
    }

    void perUser(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("perUser must not be negative");
        }
        perUser = n;
    }

    void insertAfterEachPage(int n) {
        insertPerPage = n;
    }

    void fail(String login, int status, Instant until) {
        String id = sim.userId(login);
        failingUntil.remove(id);
        if (status == 0) {
            failing.remove(id);
        } else {
            failing.put(id, status);
            if (until != null) {
                failingUntil.put(id, until);
            }
        }
    }

    /** The status {@code userId}'s log fails with now, or null. */
    private Integer failure(String userId) {
        Integer status = failing.get(userId);
        Instant until = failingUntil.get(userId);
        if (status == null || (until != null && !sim.clock().instant().isBefore(until))) {
            // a scenario's failaudit step for this user, if one is in force
            return sim.scenarioAuditLogFailure(login -> {
                try {
                    return sim.userId(login).equals(userId);
                } catch (IllegalArgumentException e) {
                    return false; // not a user of this simulator
                }
            });
        }
        return status;
    }

    int requests() {
        return requests.get();
    }

    void add(Instant time, String login, String kind, String entityType, String entityId) {
        Objects.requireNonNull(time, "time");
        Entry e = entry(time, login, kind, entityType, entityId);
        added.computeIfAbsent(e.userId(), k -> new CopyOnWriteArrayList<>()).add(e);
    }

    private Entry entry(Instant time, String login, String kind, String entityType, String entityId) {
        String userId = sim.userId(login);
        String body = SimWire.json(g -> {
            g.writeStartObject();
            g.writeStringField("id", entityId);
            g.writeStringField("name", entityType + " " + entityId);
            g.writeEndObject();
        });
        return new Entry(time.toEpochMilli(), userId, kind, entityType, entityId, "delete".equals(kind) ? null : body,
                "create".equals(kind) ? null : body);
    }

    /** The log of {@code login}, newest first, as the client reads it. */
    List<SaymonAuditEntry> entries(String login) {
        String userId = sim.userId(login);
        List<SaymonAuditEntry> out = new ArrayList<>();
        new Log(userId).walk(null, null, 0, Long.MAX_VALUE, e -> out.add(new SaymonAuditEntry(
                SaymonAuditEntry.deriveId(e.userId(), Instant.ofEpochMilli(e.timestamp()), e.entityType(), e.entityId(),
                        e.kind(), e.newBody(), e.oldBody()), e.userId(), login, Instant.ofEpochMilli(e.timestamp()),
                e.entityType(), e.entityId(), e.kind(), e.newBody(), e.oldBody())));
        return out;
    }

    void handle(SimExchange ex, String caller) throws IOException {
        if (!"GET".equals(ex.method())) {
            ex.respond(405, sim.contentType(), SaymonSimulator.errorBody("MethodNotAllowed", ex.method() + " is not allowed"));
            return;
        }
        String path = ex.path();
        if (path.equals(USERS)) {
            users(ex);
            return;
        }
        String userId = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
        String login = login(userId);
        if (login == null) {
            ex.respond(404, sim.contentType(), SaymonSimulator.errorBody("ResourceNotFound", "User " + userId + " not found"));
            return;
        }
        if (SaymonSimulator.VIEWER_LOGIN.equals(caller) && !caller.equals(login)) {
            ex.respond(403, sim.contentType(), SaymonSimulator.errorBody("Forbidden", "Access denied: permission '"
                    + SaymonSimulator.AUDIT_PERMISSION + "' is required"));
            return;
        }
        Integer status = failure(userId);
        if (status != null) {
            ex.respond(status, sim.contentType(), SaymonSimulator.errorBody(code(status), "audit log of user " + userId
                    + " failed on purpose (" + status + ")"));
            return;
        }
        SaymonPage page = SaymonPage.read(ex, sim.contentType(), false);
        if (page == null) {
            return;
        }
        requests.incrementAndGet();
        Log log = new Log(userId); // the log as it is when the request arrives
        for (int i = 0; i < insertPerPage; i++) {
            // logged while this page is on its way: seen by the next request, on top of the log
            long newest = Math.max(log.newest(), new Log(userId).newest());
            add(Instant.ofEpochMilli(newest + 1), login, "update", "object", SimData.hex(sim.seed(), 9_000_000L
                    + inserts.incrementAndGet(), 24));
        }
        ex.respondStreaming(200, sim.contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartArray();
                log.walk(page.from(), page.to(), page.skip(), page.limit(), e -> write(g, e));
                g.writeEndArray();
            }
        });
    }

    private void users(SimExchange ex) throws IOException {
        ex.respondStreaming(200, sim.contentType(), out -> {
            try (JsonGenerator g = SimWire.generator(out)) {
                g.writeStartArray();
                for (String login : sim.userLogins()) {
                    g.writeStartObject();
                    g.writeStringField("id", sim.userId(login));
                    g.writeStringField("login", sim.apiTokens.listed(login));
                    if (!sim.apiTokens.maskLogins) { // without manage-users: only id and the masked login
                        g.writeStringField("name", SaymonSimulator.LOGIN.equals(login) ? "Administrator" : login);
                        g.writeStringField("email", login + "@example.com");
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        });
    }

    private String login(String userId) {
        for (String login : sim.userLogins()) {
            if (sim.userId(login).equals(userId)) {
                return login;
            }
        }
        return null;
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "ResourceNotFound";
            default -> status >= 500 ? "InternalError" : "Error";
        };
    }

    private static void write(JsonGenerator g, Entry e) throws IOException {
        g.writeStartObject();
        g.writeStringField("entityId", e.entityId());
        g.writeStringField("entityType", e.entityType());
        g.writeStringField("kind", e.kind());
        g.writeFieldName("newBody");
        raw(g, e.newBody());
        g.writeFieldName("oldBody");
        raw(g, e.oldBody());
        g.writeNumberField("timestamp", e.timestamp());
        g.writeStringField("userId", e.userId());
        g.writeEndObject();
    }

    private static void raw(JsonGenerator g, String json) throws IOException {
        if (json == null) {
            g.writeNull();
        } else {
            g.writeRawValue(json);
        }
    }

    @FunctionalInterface
    private interface Sink {
        void accept(Entry e) throws IOException;
    }

    /** One user's log as one request sees it: the generated entries and a sorted copy of the added ones. */
    private final class Log {
        final String userId;
        final int user;
        final long seed = sim.seed();
        final long anchor = sim.anchor().toEpochMilli();
        final int generated;
        final List<Entry> extra;

        Log(String userId) {
            this.userId = userId;
            this.user = sim.userLogins().indexOf(login(userId));
            this.generated = user < sim.ownUsers() ? perUser : 0;
            List<Entry> e = new ArrayList<>(added.getOrDefault(userId, List.of()));
            for (ScenarioPlayback.Entry due : sim.scenarioAudit()) {
                Scenario.Audit a = due.step();
                if (sim.userId(a.actor()).equals(userId)) {
                    e.add(entry(due.time(), a.actor(), a.action(), a.objectType(), a.objectId()));
                }
            }
            e.sort(Comparator.comparingLong(Entry::timestamp).reversed().thenComparing(Entry::entityId));
            this.extra = e;
        }

        long index(int j) {
            return user * 1_000_003L + j;
        }

        /** Generated entry {@code j}'s time: strictly decreasing in j, all before the anchor. */
        long time(int j) {
            return anchor - (j + 1L) * STEP_MS - Math.floorMod(SimData.mix(seed, index(j), 41), JITTER_MS);
        }

        Entry generated(int j) {
            String kind = KINDS[(int) Math.floorMod(SimData.mix(seed, index(j), 42), (long) KINDS.length)];
            String type = TYPES[(int) Math.floorMod(SimData.mix(seed, index(j), 43), (long) TYPES.length)];
            String entityId = SimData.hex(seed, 5_000_000L + index(j), 24);
            long state = Math.floorMod(SimData.mix(seed, index(j), 44), 5L);
            String after = "{\"id\":\"" + entityId + "\",\"name\":\"" + type + " " + j + "\",\"state\":" + state + "}";
            String before = "{\"id\":\"" + entityId + "\",\"name\":\"" + type + " " + j + "\",\"state\":" + (state + 1) + "}";
            return new Entry(time(j), userId, kind, type, entityId, "delete".equals(kind) ? null : after,
                    "create".equals(kind) ? null : before);
        }

        long newest() {
            long g = generated > 0 ? time(0) : Long.MIN_VALUE;
            return extra.isEmpty() ? g : Math.max(g, extra.get(0).timestamp());
        }

        /** The entries in [from, to], newest first, after {@code skip}, at most {@code limit}. */
        void walk(Long from, Long to, long skip, long limit, Sink sink) {
            int j = 0;
            int x = 0;
            long skipped = 0;
            long sent = 0;
            while (sent < limit && (j < generated || x < extra.size())) {
                Entry next;
                if (j < generated && (x >= extra.size() || time(j) >= extra.get(x).timestamp())) {
                    next = generated(j++);
                } else {
                    next = extra.get(x++);
                }
                long t = next.timestamp();
                if ((to != null && t > to) || (from != null && t < from)) {
                    continue;
                }
                if (skipped < skip) {
                    skipped++;
                    continue;
                }
                try {
                    sink.accept(next);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                sent++;
            }
        }
    }
}
