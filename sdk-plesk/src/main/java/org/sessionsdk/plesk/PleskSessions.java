package org.sessionsdk.plesk;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.plesk.internal.PacketExchange;
import org.sessionsdk.plesk.internal.PleskTimes;
import org.sessionsdk.plesk.wire.CreateSession;
import org.sessionsdk.plesk.wire.CreateSessionData;
import org.sessionsdk.plesk.wire.NoParameters;
import org.sessionsdk.plesk.wire.Packet;
import org.sessionsdk.plesk.wire.ServerRequest;
import org.sessionsdk.plesk.wire.Session;
import org.sessionsdk.plesk.wire.SessionRequest;
import org.sessionsdk.plesk.wire.SessionTerminate;

/** Open control-panel sessions: list them, end one, open one for single sign-on. */
public final class PleskSessions {
    private final PacketExchange exchange;
    private final ClientRuntime runtime;
    private final ZoneId serverZone;

    PleskSessions(PacketExchange exchange, ClientRuntime runtime, ZoneId serverZone) {
        this.exchange = exchange;
        this.runtime = runtime;
        this.serverZone = serverZone;
    }

    /**
     * All open sessions ({@code session/get}).
     *
     * @return the sessions; unmodifiable
     */
    public List<PleskSession> list() {
        try (Stream<PleskSession> s = stream()) {
            return s.toList();
        }
    }

    /**
     * All open sessions, parsed as they arrive; close the stream.
     *
     * @return the sessions, lazily
     */
    public Stream<PleskSession> stream() {
        return exchange.stream(getPacket(), "session/get", true, "session", Session.class, this::toRecord);
    }

    /**
     * All open sessions, without a thread waiting for the server: the packet is sent asynchronously
     * and the answer parsed on the client's async executor, where the future completes.
     *
     * @return completes with the sessions, or with the call's exception
     */
    public CompletableFuture<List<PleskSession>> listAsync() {
        return exchange.listAsync(getPacket(), "session/get", true, "session", Session.class, this::toRecord);
    }

    private static Packet getPacket() {
        SessionRequest op = new SessionRequest();
        op.setGet(new NoParameters());
        Packet p = new Packet();
        p.setSession(op);
        return p;
    }

    /**
     * Ends a session ({@code session/terminate}). Never retried.
     *
     * @param sessionId the session's {@link PleskSession#id()}
     * @throws org.sessionsdk.core.error.NotFoundException when Plesk does not know the id (error 1013)
     */
    public void terminate(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        SessionTerminate t = new SessionTerminate();
        t.setSessionId(sessionId);
        SessionRequest op = new SessionRequest();
        op.setTerminate(t);
        Packet p = new Packet();
        p.setSession(op);
        exchange.execute(p, "session/terminate", false);
    }

    /**
     * Opens a panel session for {@code login} coming from {@code userIp} ({@code server/create_session},
     * single sign-on) and returns its id. Never retried.
     *
     * @param login  the panel login the session is for
     * @param userIp the address the user will come from
     * @return the new session's id
     */
    public String create(String login, String userIp) {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(userIp, "userIp");
        CreateSessionData data = new CreateSessionData();
        data.setUserIp(Base64.getEncoder().encodeToString(userIp.getBytes(StandardCharsets.US_ASCII)));
        data.setSourceServer("");
        CreateSession cs = new CreateSession();
        cs.setLogin(login);
        cs.setData(data);
        ServerRequest op = new ServerRequest();
        op.setCreateSession(cs);
        Packet p = new Packet();
        p.setServer(op);
        String id = exchange.single(p, "server/create_session", false, "id", String.class);
        if (id == null || id.isBlank()) {
            throw new ResponseFormatException("a session <id> in the result", "none", "Plesk server/create_session response");
        }
        return id.trim();
    }

    private PleskSession toRecord(Session s) {
        return new PleskSession(s.getId(), s.getType(), s.getIpAddress(), s.getLogin(),
                PleskTimes.localDateTime(s.getLoginTime(), serverZone, "login-time"),
                PleskTimes.localDateTime(s.getIdle(), serverZone, "idle"));
    }
}
