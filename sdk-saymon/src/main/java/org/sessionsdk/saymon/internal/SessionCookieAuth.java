package org.sessionsdk.saymon.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.auth.Secret;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.internal.CallResponse;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.JsonSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SAYMON's cookie session: logs in with {@code POST /node/api/users/session {"login","password"}},
 * keeps the returned id and sends {@code Cookie: sid=<id>}. On a 401 the id is dropped and the next
 * attempt logs in again (once per call, by the core pipeline). {@link #close()} logs out.
 *
 * <p>Only one caller logs in at a time; concurrent callers wait for that session. SDK-internal.
 */
public final class SessionCookieAuth implements RequestAuth, AutoCloseable {
    public static final String PATH = "/node/api/users/session";
    private static final Logger LOG = LoggerFactory.getLogger(SessionCookieAuth.class);
    private static final int MAX_ID_BODY = 4096;

    private final ApiCaller caller;
    private final String login;
    private final Secret password;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile Secret sid;

    /**
     * @param caller a caller without auth of its own, reading SAYMON's error bodies
     */
    public SessionCookieAuth(ApiCaller caller, String login, Secret password) {
        this.caller = Objects.requireNonNull(caller, "caller");
        this.login = Objects.requireNonNull(login, "login");
        this.password = Objects.requireNonNull(password, "password");
    }

    /** How many times this auth logged in; for tests and metrics. */
    public int logins() {
        return logins.get();
    }

    @Override
    public void authorize(SdkHttpRequest.Builder request) {
        request.header("Cookie", cookie(currentSession()));
    }

    /**
     * The session at hand at once; a login, when one is needed, runs on the caller's async executor,
     * never on the thread that finished the previous stage (an HTTP thread, which must never wait).
     */
    @Override
    public CompletionStage<Void> authorizeAsync(SdkHttpRequest.Builder request) {
        Secret s = sid;
        if (s != null) {
            request.header("Cookie", cookie(s));
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> authorize(request), caller.executor());
    }

    @Override
    public boolean refreshAfterRejection(SdkHttpRequest rejected, ApiException rejection) {
        String sent = rejected.header("Cookie");
        lock.lock();
        try {
            Secret s = sid;
            // Only the first caller rejected with this session drops it; the others reuse the new one.
            if (s != null && cookie(s).equals(sent)) {
                sid = null;
            }
        } finally {
            lock.unlock();
        }
        return true;
    }

    private Secret currentSession() {
        Secret s = sid;
        if (s != null) {
            return s;
        }
        lock.lock();
        try {
            s = sid;
            if (s == null) {
                s = logIn();
                sid = s;
            }
            return s;
        } finally {
            lock.unlock();
        }
    }

    private Secret logIn() {
        logins.incrementAndGet();
        Call call = Call.post(PATH).operation("POST " + PATH).header("Accept", "application/json")
                .body(loginBody(), "application/json").build();
        return caller.execute(call, SessionCookieAuth::sessionId);
    }

    private byte[] loginBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonSupport.factory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("login", login);
            g.writeStringField("password", password.reveal());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return out.toByteArray();
    }

    /** The id from the body (a JSON string), else from a {@code sid} cookie the server set. */
    private static Secret sessionId(CallResponse response) throws IOException {
        byte[] body = response.body().readNBytes(MAX_ID_BODY);
        try (JsonParser p = JsonSupport.factory().createParser(body)) {
            if (p.nextToken() == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                return Secret.of(p.getText());
            }
        } catch (JsonProcessingException notJson) {
            // fall back to the cookie below
        }
        List<String> cookies = response.headers().getOrDefault("Set-Cookie", List.of());
        for (String c : cookies) {
            String first = c.split(";", 2)[0].strip();
            if (first.startsWith("sid=") && first.length() > 4) {
                return Secret.of(first.substring(4));
            }
        }
        // never echo the body: it may hold a session id
        throw new ResponseFormatException("the session id as a JSON string or a sid cookie",
                "neither", "POST " + PATH + " response");
    }

    private static String cookie(Secret s) {
        return "sid=" + s.reveal();
    }

    /** Logs out if logged in. A failed logout is logged, not thrown: the session expires on its own. */
    @Override
    public void close() {
        Secret s;
        lock.lock();
        try {
            s = sid;
            sid = null;
        } finally {
            lock.unlock();
        }
        if (s == null) {
            return;
        }
        try {
            caller.execute(Call.delete(PATH).operation("DELETE " + PATH).header("Cookie", cookie(s)).build(), r -> null);
        } catch (SdkException e) {
            LOG.warn("SAYMON logout failed, the session will expire on its own: {}", e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "SessionCookieAuth[login=" + login + ", password=****]";
    }
}
