package org.sessionsdk.saymon;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.RateLimitedException;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.core.internal.json.JsonObject;
import org.sessionsdk.core.internal.paging.Paging;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.saymon.internal.LogPages;
import org.sessionsdk.saymon.internal.SkipOnFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SAYMON users' audit logs ({@code GET /node/api/users/{id}/audit-log}), reached through
 * {@link SaymonClient#auditLog()}. SAYMON documents no log over all users, so without a user id in
 * the query the SDK walks them: it reads the user list ({@code GET /node/api/users}, keeping only
 * each user's id and login, some tens of bytes a user, so that no response stays open across the
 * walk), then each user's log in turn, in the list's order, each newest first.
 *
 * <p><b>Masked logins.</b> Without the {@code manage-users} permission the user list shows each login
 * masked ({@code exampl******}). Such a login is never presented as who acted: the entry's
 * {@link SaymonAuditEntry#login() login} is null, {@link SaymonAuditEntry#loginMasked() loginMasked} is
 * true, and its {@link SaymonAuditEntry#toAuditEvent() audit event} names the user id as the actor and
 * carries {@code loginMasked=true}. Grant the client's user {@code manage-users} for real logins.
 *
 * <p><b>A user that fails.</b> In a walk, a user whose log answers with an API error (403, 404, 5xx
 * after the retries, ...) is skipped: the records already read from it stay, one WARN line is
 * logged, a {@link SaymonAuditFailure} goes to the query's
 * {@link SaymonAuditQuery.Builder#onUserFailure onUserFailure}, and the walk goes on with the next
 * user. A 401 (an {@link AuthenticationException}), a 429 and transport or format failures are not
 * about one user and fail the stream. When every user failed, nothing was read and the stream fails
 * with the first user's error. Reading one user's log (a query with a user id) fails on any error.
 *
 * <p><b>Paging</b> is the session log's ({@link SaymonSessions}): {@code limit}/{@code skip} from the
 * newest record, {@code to} fixed when the stream starts (for every user of a walk alike), and a
 * record seen again on a shifted page dropped, so that records logged meanwhile cause neither gaps
 * nor repeats. Records have no id: each gets one derived from its fields
 * ({@link SaymonAuditEntry#deriveId}). Pages are streamed, not held.
 */
public final class SaymonAuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(SaymonAuditLog.class);
    private static final String WHAT = "SAYMON audit log";

    private final ClientRuntime runtime;
    private final ApiCaller caller;
    private final SaymonUsers users;
    private final Clock clock;

    SaymonAuditLog(ClientRuntime runtime, ApiCaller caller, SaymonUsers users) {
        this.runtime = runtime;
        this.caller = caller;
        this.users = users;
        this.clock = runtime.config().clock();
    }

    /**
     * All matching records in a list; for small results.
     *
     * @param query the user (or every user), time bounds, cap and page size
     * @return the records: per user, newest first
     */
    public List<SaymonAuditEntry> list(SaymonAuditQuery query) {
        try (Stream<SaymonAuditEntry> s = stream(query)) {
            return s.toList();
        }
    }

    /**
     * The matching records, fetched page by page as the stream is read: one user's, or every
     * user's in turn (see the class comment for a user that fails). Close the stream. Malformed
     * JSON fails it with a {@link org.sessionsdk.core.error.ResponseFormatException}.
     *
     * @param query the user (or every user), time bounds, cap and page size
     * @return the records, per user newest first, each id once; close it
     */
    public Stream<SaymonAuditEntry> stream(SaymonAuditQuery query) {
        LogPages.Window window = LogPages.Window.of(query.range(), query.limit(), query.pageSize(), clock);
        if (query.userId() != null) {
            return userLog(query.userId(), null, window);
        }
        Stream<SaymonAuditEntry> all = Paging.concat(new Walk(window, query.onUserFailure()));
        return window.cap() == Long.MAX_VALUE ? all : all.limit(window.cap());
    }

    /**
     * {@link #list} on the client's own threads.
     *
     * @param query the user (or every user), time bounds, cap and page size
     * @return completes with the records, or with the call's exception
     */
    public CompletableFuture<List<SaymonAuditEntry>> listAsync(SaymonAuditQuery query) {
        return runtime.async(() -> list(query));
    }

    SaymonUsers users() {
        return users;
    }

    /** One user's log within {@code range} for a feed: any failure fails it, {@code to} fixed now. */
    Stream<SaymonAuditEntry> userStream(String userId, String login, TimeRange range) {
        return userLog(userId, login, LogPages.Window.of(range, null, SaymonSessionQuery.DEFAULT_PAGE_SIZE, clock));
    }

    static void warnSkipped(String userId, String login, ApiException e) {
        LOG.warn("SAYMON audit log of user {} ({}) skipped: {}", userId, login, e.getMessage());
    }

    static String path(String userId) {
        return "/node/api/users/" + segment(userId) + "/audit-log";
    }

    /**
     * @param login the user's login as the user list showed it; a masked one ({@code exampl******}) is
     *              never an entry's login: the entry is marked {@code loginMasked} and its actor is the id
     */
    private Stream<SaymonAuditEntry> userLog(String userId, String login, LogPages.Window window) {
        boolean masked = SaymonUser.isMasked(login);
        String trusted = masked ? null : login;
        JsonArrayStream<SaymonAuditEntry> parser = JsonArrayStream.of(WHAT, o -> entry(o, userId, trusted, masked))
                .keepJson("newBody", "oldBody").build();
        return LogPages.stream(caller, path(userId), "/node/api/users/{id}/audit-log", parser, window, SaymonAuditEntry::id,
                e -> e.timestamp() == null ? null : e.timestamp().toEpochMilli(), "SAYMON's audit log of user " + userId);
    }

    private static SaymonAuditEntry entry(JsonObject o, String pathUserId, String login, boolean loginMasked) {
        String userId = o.string("userId");
        if (userId == null) {
            userId = pathUserId;
        }
        Instant timestamp = LogPages.millis(o, "timestamp");
        String entityType = o.string("entityType");
        String entityId = o.string("entityId");
        String kind = o.string("kind");
        String newBody = o.json("newBody");
        String oldBody = o.json("oldBody");
        return new SaymonAuditEntry(SaymonAuditEntry.deriveId(userId, timestamp, entityType, entityId, kind, newBody,
                oldBody), userId, login, timestamp, entityType, entityId, kind, newBody, oldBody, loginMasked);
    }

    /** A failure about one user's log, not about the client, the server as a whole or the wire. */
    static boolean aboutOneUser(RuntimeException e) {
        return e instanceof ApiException && !(e instanceof AuthenticationException) && !(e instanceof RateLimitedException);
    }

    /** The parts of a walk: one per user, then a last one that fails the walk if every user failed. */
    private final class Walk implements Iterator<Supplier<Stream<SaymonAuditEntry>>> {
        private final LogPages.Window window;
        private final Consumer<SaymonAuditFailure> onFailure;
        private Iterator<SaymonUser> list;
        private int tried;
        private int failed;
        private ApiException first;
        private boolean ended;

        Walk(LogPages.Window window, Consumer<SaymonAuditFailure> onFailure) {
            this.window = window;
            this.onFailure = onFailure;
        }

        @Override
        public boolean hasNext() {
            if (list == null) {
                try (Stream<SaymonUser> s = users.stream()) {
                    list = s.filter(u -> u.id() != null)
                            .map(u -> new SaymonUser(u.id(), u.login(), null, null)) // id and login are all a walk needs
                            .toList().iterator();
                }
            }
            return list.hasNext() || !ended;
        }

        @Override
        public Supplier<Stream<SaymonAuditEntry>> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (list.hasNext()) {
                SaymonUser u = list.next();
                tried++;
                return () -> SkipOnFailure.stream(userLog(u.id(), u.login(), window), SaymonAuditLog::aboutOneUser,
                        e -> skipped(u, (ApiException) e));
            }
            ended = true;
            return () -> {
                if (tried > 0 && failed == tried) {
                    throw first;
                }
                return Stream.empty();
            };
        }

        private void skipped(SaymonUser u, ApiException e) {
            failed++;
            if (first == null) {
                first = e;
            }
            warnSkipped(u.id(), u.login(), e);
            onFailure.accept(new SaymonAuditFailure(u.id(), u.login(), e));
        }
    }

    /** A path segment: unreserved characters as they are, everything else percent-encoded as UTF-8. */
    private static String segment(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
