package org.sessionsdk.senhasegura;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.sessionsdk.core.error.ErrorDetails;
import org.sessionsdk.core.error.NotFoundException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.CallResponse;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.senhasegura.internal.Envelope;
import org.sessionsdk.senhasegura.internal.RemoteSessionMapper;
import org.sessionsdk.senhasegura.internal.SenhaseguraErrors;

/**
 * The remote (proxy) sessions senhasegura has registered: list them, read one, end one.
 *
 * <p>The list has no paging and the vendor warns it can be very long and take minutes, so
 * {@link #stream()} parses it element by element as it arrives, and the list call waits for the
 * first bytes up to {@code remoteSessionsTimeout} (default 10 minutes) instead of the client's
 * request timeout.
 */
public final class SenhaseguraSessions {
    private final ClientRuntime runtime;
    private final ApiCaller caller;
    private final SenhaseguraErrors errors;
    private final VersionPaths sessionsPaths;
    private final VersionPaths terminatePaths;
    private final Duration listTimeout;

    SenhaseguraSessions(ClientRuntime runtime, ApiCaller caller, SenhaseguraErrors errors,
                        VersionPaths sessionsPaths, VersionPaths terminatePaths, Duration listTimeout) {
        this.runtime = runtime;
        this.caller = caller;
        this.errors = errors;
        this.sessionsPaths = sessionsPaths;
        this.terminatePaths = terminatePaths;
        this.listTimeout = listTimeout;
    }

    /**
     * {@return the remote-sessions path in use: the one set with {@code remoteSessionsPath}, else the one
     * found to answer, else (before any call) the newest documented one}
     */
    public String remoteSessionsPath() {
        return sessionsPaths.current();
    }

    /** {@return the terminate path in use: set, found to answer, or (before any terminate) the newest documented} */
    public String terminatePath() {
        return terminatePaths.current();
    }

    /**
     * Every remote session, read into a list. For long histories prefer {@link #stream()}.
     *
     * @return the sessions
     */
    public List<SenhaseguraSession> list() {
        try (Stream<SenhaseguraSession> s = open()) {
            return s.toList();
        }
    }

    /**
     * Every remote session, parsed lazily as the response arrives; memory stays constant however
     * long the list is. Close the stream (try-with-resources): that closes the connection.
     * An error the server reports in the envelope is thrown here, before the first element.
     *
     * @return the sessions, lazily
     */
    public Stream<SenhaseguraSession> stream() {
        return open();
    }

    /**
     * {@link #list()} without a thread waiting for the server once the client knows the server's
     * remote-sessions path (set, or found by an earlier call): the request is sent asynchronously and
     * the answer parsed on the client's async executor, where the future completes. The client's first
     * call on a server whose path is still unknown probes the documented paths one by one, on that
     * executor.
     *
     * @return completes with the sessions, or with the call's exception
     */
    public CompletableFuture<List<SenhaseguraSession>> listAsync() {
        String known = sessionsPaths.answered();
        if (known == null) {
            return runtime.async(this::list);
        }
        return caller.executeAsync(listCall(known), r -> {
            try (Stream<SenhaseguraSession> s = parser("remote_sessions", r.details()).build().stream(r.body(), r)) {
                return s.toList();
            }
        });
    }

    /**
     * One remote session by its numeric {@link SenhaseguraSession#id() id}. While the remote-sessions path
     * is not known (not set, no call answered yet), a "not found" is asked again at the other documented
     * paths, as {@link #stream()} does. The answer's {@code session_id} may be masked (see
     * {@link SenhaseguraSession#sessionIdMasked()}).
     *
     * @param id the session's numeric record id
     * @return the session
     * @throws NotFoundException when the server knows no such session
     */
    public SenhaseguraSession get(String id) {
        String segment = segment(id, "id");
        Answer found = sessionsPaths.call(null, base -> get(base, segment), "no remote session has this id, or ");
        if (found.session() == null) {
            throw new NotFoundException(found.details().withHint("no remote session has id " + id));
        }
        return found.session();
    }

    /** What a path answered for one id: the session, or none (the path answered, the id is unknown). */
    private record Answer(SenhaseguraSession session, ErrorDetails details) {
    }

    private Answer get(String sessionsPath, String segment) {
        String path = sessionsPath + "/" + segment;
        Call call = Call.get(path).operation("GET " + sessionsPath + "/{id}").header("Accept", "application/json").build();
        CallResponse r = caller.execute(call);
        ErrorDetails base = r.details();
        JsonArrayStream<SenhaseguraSession> parser = parser("remote_session", base).missingArrayIsEmpty().build();
        List<SenhaseguraSession> found = parser.list(r.body(), r);
        return new Answer(found.isEmpty() ? null : found.get(0), base);
    }

    /**
     * Ends a live session: {@code DELETE {terminatePath}/{sessionId}}. Never sent twice by a retry:
     * a failure after the request left may or may not have ended the session. While the terminate path
     * is not known, a "not found" (nothing was ended) is asked again at the other documented path, the
     * one of the remote-sessions path's family first.
     *
     * @param sessionId the session's hash ({@link SenhaseguraSession#sessionId()}), not its numeric id
     * @throws IllegalArgumentException when {@code sessionId} is masked ({@code df06257a1****...9104dc43}):
     *         it is never sent
     */
    public void terminate(String sessionId) {
        String segment = segment(sessionId, "sessionId");
        if (SenhaseguraSession.isMasked(sessionId)) {
            throw new IllegalArgumentException("the session_id is masked (stars or '...' stand for part of it), so it "
                    + "ends no session and is not sent: take the full session_id from list() or stream()");
        }
        String listed = sessionsPaths.answered();
        int second = listed == null ? -1 : listed.indexOf('/', 1);
        String family = second < 0 ? null : listed.substring(0, second); // "/iso" or "/api"
        terminatePaths.call(family, base -> {
            terminate(base, segment);
            return null;
        }, "the session may have ended already, or ");
    }

    private void terminate(String terminatePath, String segment) {
        String path = terminatePath + "/" + segment;
        Call call = Call.delete(path).operation("DELETE " + terminatePath + "/{sessionId}").header("Accept", "application/json").idempotent(false).build();
        caller.execute(call, r -> {
            byte[] body = r.body().readNBytes(ApiCaller.ERROR_BODY_LIMIT);
            ErrorDetails d = r.details();
            if (!Envelope.emptyOrObject(body)) {
                // a proxy's page or a cut-off body: whether the session ended is unknown
                throw new ResponseFormatException("an empty body or a JSON envelope", "something else",
                        d.method() + " " + d.path());
            }
            errors.check(Envelope.parse(body), d);
            return null;
        });
    }

    /**
     * Ends a live session given its numeric {@link SenhaseguraSession#id() id}, the one lists show:
     * reads it with {@link #get(String)} for its {@link SenhaseguraSession#sessionId() sessionId}, the
     * only key the terminate call takes, then {@link #terminate(String) terminates} that. Where the
     * single-session answer masks the {@code session_id} (as the vendor's example does), the full one
     * is taken from the list ({@link #stream()}, read until the session is found); a masked id is never
     * sent. The reads may be retried; the terminate never is.
     *
     * @param id the numeric id, as {@link SenhaseguraSession#id()} and the lists show it
     * @return the session as read just before it was ended, with its full {@code session_id}
     * @throws NotFoundException        when the server knows no such session
     * @throws ResponseFormatException  when the server reports the session without a {@code session_id},
     *                                  or only masked, in the single answer and the list alike
     */
    public SenhaseguraSession terminateById(String id) {
        SenhaseguraSession s = get(id);
        if (s.sessionIdMasked()) {
            s = fromList(id);
        }
        if (s.sessionId() == null || s.sessionId().isBlank()) {
            throw new ResponseFormatException("a session_id", "none", "remote session id " + id);
        }
        terminate(s.sessionId());
        return s;
    }

    /** The session {@code id} as the list has it, for its full {@code session_id}. */
    private SenhaseguraSession fromList(String id) {
        SenhaseguraSession listed;
        try (Stream<SenhaseguraSession> all = stream()) {
            listed = all.filter(x -> id.trim().equals(x.id())).findFirst().orElse(null);
        }
        if (listed == null || listed.sessionId() == null || listed.sessionId().isBlank() || listed.sessionIdMasked()) {
            throw new ResponseFormatException("the full session_id of remote session " + id,
                    "a masked one in GET " + sessionsPaths.current() + "/{id} and "
                            + (listed == null ? "no such session in the list" : "no full one in the list either"),
                    "remote session id " + id + " (a masked session_id is never sent: terminate it with the full "
                            + "session_id)");
        }
        return listed;
    }

    private Stream<SenhaseguraSession> open() {
        return sessionsPaths.call(null, this::open, "");
    }

    private Call listCall(String sessionsPath) {
        return Call.get(sessionsPath).operation("GET " + sessionsPath).header("Accept", "application/json")
                .requestTimeout(listTimeout).build();
    }

    private Stream<SenhaseguraSession> open(String sessionsPath) {
        CallResponse r = caller.execute(listCall(sessionsPath));
        Stream<SenhaseguraSession> s = parser("remote_sessions", r.details()).build().stream(r.body(), r);
        // Read up to the first element now, so an error inside a 200 envelope is thrown by this call.
        Iterator<SenhaseguraSession> it = s.iterator();
        try {
            it.hasNext();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(s::close);
    }

    private JsonArrayStream.Builder<SenhaseguraSession> parser(String field, ErrorDetails base) {
        return JsonArrayStream.of("senhasegura remote sessions", RemoteSessionMapper::map)
                .inField(field)
                .flattenNestedEnvelopes()
                .envelopeCheck(envelope -> errors.check(Envelope.from(envelope), base));
    }

    private static String segment(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return URLEncoder.encode(value.trim(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
