package org.sessionsdk.saymon;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.internal.CallResponse;
import org.sessionsdk.core.internal.ApiCaller;
import org.sessionsdk.core.internal.Call;
import org.sessionsdk.core.internal.ClientRuntime;
import org.sessionsdk.core.internal.json.JsonArrayStream;
import org.sessionsdk.core.internal.json.JsonObject;

/** SAYMON users (the current one, all of them), reached through {@link SaymonClient#users()}. */
public final class SaymonUsers {
    static final String CURRENT = "/node/api/users/current";
    static final String ALL = "/node/api/users";

    private static final JsonArrayStream<SaymonUser> PARSER = JsonArrayStream.of("SAYMON current user",
            SaymonUsers::user).build();
    private static final JsonArrayStream<SaymonUser> LIST = JsonArrayStream.of("SAYMON users", SaymonUsers::user).build();

    private final ClientRuntime runtime;
    private final ApiCaller caller;

    SaymonUsers(ClientRuntime runtime, ApiCaller caller) {
        this.runtime = runtime;
        this.caller = caller;
    }

    /**
     * The user the client is signed in as. A cheap way to check credentials: a wrong login or
     * password fails with an {@link org.sessionsdk.core.error.AuthenticationException}.
     *
     * @return the current user
     */
    public SaymonUser current() {
        CallResponse response = caller.execute(Call.get(CURRENT).operation("GET " + CURRENT).header("Accept", "application/json").build());
        // The body is one object; read it as the only element of an array so the core parser applies.
        List<SaymonUser> users = PARSER.list(asArray(response.body()), response);
        if (users.size() != 1) {
            throw new ResponseFormatException("one user object", users.size() + " objects", CURRENT);
        }
        return users.get(0);
    }

    /**
     * Every user ({@code GET /node/api/users}), parsed as the bytes arrive: memory stays constant
     * however many there are. Close the stream. Malformed JSON fails it with a
     * {@link ResponseFormatException}.
     *
     * @return the users in the server's order; close it
     */
    public Stream<SaymonUser> stream() {
        CallResponse response = caller.execute(allCall());
        return LIST.stream(response.body(), response);
    }

    private static Call allCall() {
        return Call.get(ALL).operation("GET " + ALL).header("Accept", "application/json").build();
    }

    /**
     * Every user in a list ({@code GET /node/api/users}).
     *
     * @return the users in the server's order
     */
    public List<SaymonUser> list() {
        try (Stream<SaymonUser> s = stream()) {
            return s.toList();
        }
    }

    /**
     * {@link #list} without a thread waiting for the server; completes on the client's async executor.
     *
     * @return completes with the users, or with the call's exception
     */
    public CompletableFuture<List<SaymonUser>> listAsync() {
        return caller.executeAsync(allCall(), r -> List.copyOf(LIST.list(r.body(), r)));
    }

    private static SaymonUser user(JsonObject o) {
        return new SaymonUser(o.has("id") ? o.string("id") : o.string("_id"), o.string("login"), o.string("name"),
                o.scalars());
    }

    private static InputStream asArray(InputStream object) {
        return new SequenceInputStream(Collections.enumeration(List.of(bytes("["), object, bytes("]"))));
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }
}
