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
    private final String sessionsPath;
    private final String terminatePath;
    private final Duration listTimeout;

    SenhaseguraSessions(ClientRuntime runtime, ApiCaller caller, SenhaseguraErrors errors,
                        String sessionsPath, String terminatePath, Duration listTimeout) {
        this.runtime = runtime;
        this.caller = caller;
        this.errors = errors;
        this.sessionsPath = sessionsPath;
        this.terminatePath = terminatePath;
        this.listTimeout = listTimeout;
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
     * {@link #list()} on the client's own threads.
     *
     * @return completes with the sessions, or with the call's exception
     */
    public CompletableFuture<List<SenhaseguraSession>> listAsync() {
        return runtime.async(this::list);
    }

    /**
     * One remote session by its numeric {@link SenhaseguraSession#id() id}.
     *
     * @param id the session's numeric record id
     * @return the session
     * @throws NotFoundException when the server knows no such session
     */
    public SenhaseguraSession get(String id) {
        String path = sessionsPath + "/" + segment(id, "id");
        Call call = Call.get(path).operation("GET " + sessionsPath + "/{id}").header("Accept", "application/json").build();
        CallResponse r = caller.execute(call);
        ErrorDetails base = r.details();
        JsonArrayStream<SenhaseguraSession> parser = parser("remote_session", base).missingArrayIsEmpty().build();
        List<SenhaseguraSession> found = parser.list(r.body(), r);
        if (found.isEmpty()) {
            throw new NotFoundException(base.withHint("no remote session has id " + id));
        }
        return found.get(0);
    }

    /**
     * Ends a live session: {@code DELETE {terminatePath}/{sessionId}}. Never sent twice by a retry:
     * a failure after the request left may or may not have ended the session.
     *
     * @param sessionId the session's hash ({@link SenhaseguraSession#sessionId()}), not its numeric id
     */
    public void terminate(String sessionId) {
        String path = terminatePath + "/" + segment(sessionId, "sessionId");
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
     * only key the terminate call takes, then {@link #terminate(String) terminates} that. The read
     * may be retried; the terminate never is.
     *
     * @param id the numeric id, as {@link SenhaseguraSession#id()} and the lists show it
     * @return the session as read just before it was ended
     * @throws NotFoundException        when the server knows no such session
     * @throws ResponseFormatException  when the server reports the session without a {@code session_id}
     */
    public SenhaseguraSession terminateById(String id) {
        SenhaseguraSession s = get(id);
        if (s.sessionId() == null || s.sessionId().isBlank()) {
            throw new ResponseFormatException("a session_id", "none", "remote session id " + id);
        }
        terminate(s.sessionId());
        return s;
    }

    private Stream<SenhaseguraSession> open() {
        Call call = Call.get(sessionsPath).operation("GET " + sessionsPath).header("Accept", "application/json").requestTimeout(listTimeout).build();
        CallResponse r = caller.execute(call);
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
