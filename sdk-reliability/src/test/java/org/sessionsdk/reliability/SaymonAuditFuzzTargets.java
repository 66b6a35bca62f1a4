package org.sessionsdk.reliability;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.reliability.ParserFuzzTest.Target;
import org.sessionsdk.saymon.SaymonAuditQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;

/** {@link ParserFuzzTest}'s targets for SAYMON's user list and audit logs (the one-user read and the walk). */
final class SaymonAuditFuzzTargets {
    private SaymonAuditFuzzTargets() {
    }

    static final String USERS = "[{\"id\":\"" + Ops.SAYMON_USER_ID + "\",\"login\":\"admin\",\"name\":\"Administrator\"}]";

    /** Answers the user list with {@link #USERS} unless it is the list being fuzzed; the rest goes to {@code fuzz}. */
    record WithUsers(HttpTransport fuzz) implements HttpTransport {
        @Override
        public SdkHttpResponse send(SdkHttpRequest request, Duration timeout) throws java.io.IOException, InterruptedException {
            if (request.uri().getPath().equals(Ops.SAYMON_USERS)) {
                return new SdkHttpResponse(200, Map.of("Content-Type", List.of("application/json")),
                        new ByteArrayInputStream(USERS.getBytes(StandardCharsets.UTF_8)));
            }
            return fuzz.send(request, timeout);
        }

        @Override
        public void close() {
            fuzz.close();
        }
    }

    private static SaymonClient client(HttpTransport t) {
        return SaymonClient.builder().endpoint(URI.create("http://127.0.0.1:9")).transport(t)
                .retryPolicy(RetryPolicy.none()).credentials(SaymonCredentials.basic("a", "b")).build();
    }

    private static void drain(Stream<?> s) {
        try (s) {
            s.forEach(x -> { });
        }
    }

    static List<Target> targets() {
        String record = "{\"entityId\":\"obj-1\",\"entityType\":\"object\",\"kind\":\"update\",\"newBody\":{\"name\":\"a\","
                + "\"tags\":[1,{\"x\":null}]},\"oldBody\":\"old\",\"timestamp\":1767600000000,\"userId\":\"" + Ops.SAYMON_USER_ID + "\"}";
        String page = "[" + record + "," + record.replace("obj-1", "obj-2").replace("1767600000000", "1767599999000") + "]";
        String error = "{\"code\":\"ResourceNotFound\",\"message\":\"User not found\"}";
        return List.of(
                new Target("saymon audit log page (one user)", Ops.SAYMON_AUDIT, 200, List.of(page),
                        c -> drain(((SaymonClient) c).auditLog().stream(SaymonAuditQuery.builder()
                                .userId(Ops.SAYMON_USER_ID).pageSize(2).limit(6).build())),
                        SaymonAuditFuzzTargets::client),
                new Target("saymon audit log walk (every user)", Ops.SAYMON_AUDIT, 200, List.of(page),
                        c -> drain(((SaymonClient) c).auditEvents(org.sessionsdk.core.session.TimeRange.all())),
                        t -> client(new WithUsers(t))),
                new Target("saymon audit log error (404) in a walk", Ops.SAYMON_AUDIT, 404, List.of(error),
                        c -> drain(((SaymonClient) c).auditLog().stream(SaymonAuditQuery.all())),
                        t -> client(new WithUsers(t))),
                new Target("saymon user list", Ops.SAYMON_USERS, 200,
                        List.of("[{\"id\":\"u1\",\"login\":\"admin\",\"name\":\"A\",\"email\":\"a@x\",\"permissions\":[\"p\"]},"
                                + "{\"_id\":\"u2\",\"login\":\"b\"}]"),
                        c -> ((SaymonClient) c).users().list(), SaymonAuditFuzzTargets::client));
    }
}
