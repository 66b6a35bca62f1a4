package org.sessionsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.SdkHttpRequest;
import org.sessionsdk.core.http.SdkHttpResponse;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.CapturedLogs;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.plesk.PleskSecretKeyRequest;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;

/**
 * Issue 8, item 3: a generated-input harness over every response parser. Each target feeds its inputs
 * through the whole SDK path a user's call takes (the pipeline, the vendor's error decoder, the
 * streaming parser, the mapping to records) via an in-memory {@link HttpTransport}, and asserts that
 * nothing but an {@link SdkException} subtype ever escapes (no NPE, no DateTimeException, no
 * StackOverflowError, no hang).
 *
 * <p>{@code -Dfuzz.inputs=N} sets the inputs per parser (default 1000 in the normal build), and
 * {@code -Dfuzz.shard=i/n} a share of the parsers; the long run and its figures are in
 * {@code docs/reliability.md}. Captured logs are paused while fuzzing (every line is still formatted). Each run appends one line per parser to
 * {@code target/fuzz-report.txt}.
 */
class ParserFuzzTest {
    private static final long INPUTS = Long.getLong("fuzz.inputs", 1000);
    private static final String TOKEN = "{\"access_token\":\"tok-fuzz\",\"token_type\":\"Bearer\",\"expires_in\":3600}";

    /** Answers the fuzzed path with the current input; other paths with a fixed good answer. */
    static final class FuzzTransport implements HttpTransport {
        private final String fuzzPath;
        private final int status;
        private final Map<String, String> fixed;
        private volatile byte[] body = new byte[0];

        FuzzTransport(String fuzzPath, int status, Map<String, String> fixed) {
            this.fuzzPath = fuzzPath;
            this.status = status;
            this.fixed = fixed;
        }

        @Override
        public SdkHttpResponse send(SdkHttpRequest request, Duration timeout) {
            String path = request.uri().getPath();
            Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"));
            if (!path.startsWith(fuzzPath) && fixed.containsKey(path)) {
                return new SdkHttpResponse(200, headers,
                        new ByteArrayInputStream(fixed.get(path).getBytes(StandardCharsets.UTF_8)));
            }
            return new SdkHttpResponse(status, headers, new ByteArrayInputStream(body));
        }

        void body(byte[] b) {
            this.body = b;
        }

        @Override
        public void close() {
        }
    }

    /** One parser: where its bytes come from, valid samples, and the public call that reads them. */
    record Target(String name, String path, int status, List<String> seeds, Consumer<Object> call,
                  java.util.function.Function<HttpTransport, AutoCloseable> client) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static <B extends ClientBuilder<B>> B tune(B b, HttpTransport t) {
        return b.endpoint(URI.create("http://127.0.0.1:9")).transport(t).retryPolicy(RetryPolicy.none());
    }

    private static final String PLESK_OK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\">";

    private static String pleskPacket(String operator, String operation, String inner) {
        return PLESK_OK + "<" + operator + "><" + operation + "><result><status>ok</status>" + inner + "</result></"
                + operation + "></" + operator + "></packet>";
    }

    private static final String PLESK_ERROR = PLESK_OK + "<system><status>error</status><errcode>1001</errcode>"
            + "<errtext>Authentication failed</errtext></system></packet>";
    private static final String PLESK_RESULT_ERROR = PLESK_OK + "<session><terminate><result><status>error</status>"
            + "<errcode>1013</errcode><errtext>Session 1 does not exist</errtext></result></terminate></session></packet>";

    private static Target plesk(String name, List<String> seeds, Consumer<PleskClient> call) {
        return plesk(name, 200, seeds, call);
    }

    @SuppressWarnings("unchecked")
    private static Target plesk(String name, int status, List<String> seeds, Consumer<PleskClient> call) {
        return new Target("plesk " + name, Ops.PLESK_PATH, status, seeds, c -> call.accept((PleskClient) c),
                t -> tune(PleskClient.builder().credentials(PleskCredentials.secretKey("k")), t).build());
    }

    private static void drain(Stream<?> s) {
        try (s) {
            s.forEach(x -> { });
        }
    }

    static List<Target> targets() {
        String session = "<session><id>5c8a7b6f0e</id><type>admin</type><ip-address>10.0.0.1</ip-address>"
                + "<login>admin</login><login-time>2026-01-05T08:00:00</login-time><idle>2026-01-05T08:03:00</idle></session>";
        String event = "<event><id>17</id><type>created</type><time>1767600000</time><class>client</class>"
                + "<obj_id>obj-17</obj_id><user>admin</user><host>10.0.0.1</host></event>";
        String objectEvent = "<event><type>created</type><time>1767600000</time><class>client</class><id>3</id></event>";
        String keyInfo = "<key_info><key>abcd-1234</key><ip_address>10.0.0.2</ip_address><description>ci</description>"
                + "<login>admin</login></key_info>";
        String ekran = "{\"sessionId\":1,\"userId\":7,\"clientGuid\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
                + "\"loginDate\":\"2026-01-05T08:00:00.000+00:00\",\"logoutDate\":\"2026-01-05T09:30:00.000+00:00\"}";
        String saymonRecord = "{\"id\":\"65a1\",\"userId\":\"u1\",\"login\":\"admin\",\"startTime\":1767600000000,"
                + "\"endTime\":null,\"expiredAt\":1767603600000,\"extra\":{\"ip\":\"10.0.0.1\",\"tags\":[1,2]}}";
        String remote = "{\"id\":\"3\",\"user\":\"Admin\",\"origin_ip\":\"172.16.20.125\",\"credential\":\"usr\","
                + "\"device\":\"10.66.33.15:3389\",\"protocol\":\"rdp\",\"proxy\":\"Web Proxy\","
                + "\"session_id\":\"e7acacb6aedbab70073456da5744166939b77527\",\"start\":\"2024-05-06 16:05:07\","
                + "\"end\":\"2024-05-06 16:07:59\",\"time\":\"00:02:52\",\"prevent_purge\":\"No\",\"request\":null,"
                + "\"ITSM\":null}";
        String okResponse = "{\"status\":200,\"message\":\"\",\"error\":false,\"error_code\":0,\"detail\":\"\","
                + "\"mensagem\":\"\",\"erro\":false,\"cod_erro\":0}";
        String envelope = "{\"code\":200,\"response\":" + okResponse + ",\"remote_sessions\":[" + remote + "," + remote
                + "]}";
        String nested = "{\"code\":200,\"response\":" + okResponse + ",\"remote_sessions\":[{\"code\":200,\"response\":"
                + okResponse + ",\"remote_sessions\":[" + remote + "]}]}";
        String senhaError = "{\"code\":401,\"response\":{\"status\":401,\"message\":\"Client authentication failed.\","
                + "\"error\":true,\"error_code\":1,\"detail\":\"\",\"mensagem\":\"\",\"erro\":true,\"cod_erro\":1}}";
        String saymonNested = "{\"code\":\"Unauthorized\",\"message\":\"{\\\"errorCode\\\":3,\\\"message\\\":\\\"Session "
                + "expired.\\\"}\"}";

        List<Target> all = new ArrayList<>();
        all.add(plesk("session/get", List.of(pleskPacket("session", "get", session + session), PLESK_ERROR),
                c -> c.sessions().list()));
        all.add(plesk("event_log/get_events (stream)", List.of(pleskPacket("event_log", "get_events", event + event)),
                c -> drain(c.eventLog().stream(PleskEventQuery.all()))));
        all.add(plesk("event_log/get-last-id", List.of(pleskPacket("event_log", "get-last-id", "<id>177</id>")),
                c -> c.eventLog().lastId()));
        all.add(plesk("event_log/get (object events)", List.of(pleskPacket("event_log", "get", objectEvent + objectEvent)),
                c -> c.eventLog().objectEvents().list()));
        all.add(plesk("secret_key/get_info", List.of(pleskPacket("secret_key", "get_info", keyInfo + keyInfo)),
                c -> c.secretKeys().list()));
        all.add(plesk("secret_key/create", List.of(pleskPacket("secret_key", "create", "<key>abcd-1234</key>")),
                c -> c.secretKeys().create(PleskSecretKeyRequest.builder().ipAddress("10.0.0.2").build())));
        all.add(plesk("server/get_protos", List.of(pleskPacket("server", "get_protos",
                "<protos><proto>1.6.3.0</proto><proto>1.6.9.1</proto></protos>")), PleskClient::protocols));
        // an older panel's 1014 makes the client ask its protocols: both answers fuzzed in turn
        all.add(plesk("session/get refused as an unknown operator (1014)", List.of(
                "<packet version=\"1.6.5.0\"><system><status>error</status><errcode>1014</errcode><errtext>Unbekannter"
                        + " Operator</errtext></system></packet>"), c -> c.sessions().list()));
        all.add(plesk("session/terminate (result error)", List.of(PLESK_RESULT_ERROR),
                c -> c.sessions().terminate("1")));
        all.add(plesk("error packet in a 500", 500, List.of(PLESK_ERROR, PLESK_RESULT_ERROR),
                c -> c.sessions().list()));

        all.add(new Target("ekran sessions", Ops.EKRAN_PATH, 200, List.of("[" + ekran + "," + ekran + "]"),
                c -> drain(((EkranClient) c).sessions().stream(EkranSessionQuery.all())),
                t -> tune(EkranClient.builder().credentials(EkranCredentials.apiKey("k")), t).build()));
        all.add(new Target("ekran error body (400)", Ops.EKRAN_PATH, 400, List.of(
                "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.1\",\"title\":\"One or more validation "
                        + "errors occurred.\",\"status\":400,\"errors\":{\"start\":[\"The value is not valid.\"]}}",
                "{\"message\":\"Authorization has been denied for this request.\"}"),
                c -> ((EkranClient) c).sessions().list(EkranSessionQuery.all()),
                t -> tune(EkranClient.builder().credentials(EkranCredentials.apiKey("k")), t).build()));

        all.add(new Target("saymon session log page", Ops.SAYMON_LOG, 200, List.of("[" + saymonRecord + "," + saymonRecord + "]"),
                c -> drain(((SaymonClient) c).sessions().stream(SaymonSessionQuery.builder().pageSize(2).limit(6).build())),
                t -> tune(SaymonClient.builder().credentials(SaymonCredentials.basic("a", "b")), t).build()));
        all.add(new Target("saymon current user", Ops.SAYMON_CURRENT, 200,
                List.of("{\"id\":\"u1\",\"login\":\"admin\",\"name\":\"Admin\",\"permissions\":[\"read-session-log\"]}"),
                c -> ((SaymonClient) c).users().current(),
                t -> tune(SaymonClient.builder().credentials(SaymonCredentials.basic("a", "b")), t).build()));
        all.add(new Target("saymon nested error message (401/403/500)", Ops.SAYMON_CURRENT, 403,
                List.of(saymonNested, "{\"code\":\"Forbidden\",\"message\":\"no permission\"}"),
                c -> ((SaymonClient) c).users().current(),
                t -> tune(SaymonClient.builder().credentials(SaymonCredentials.basic("a", "b")), t).build()));
        all.add(new Target("saymon cookie login answer", "/node/api/users/session", 200,
                List.of("\"5f1d0c0e9a\"", "{\"sid\":\"x\"}"),
                c -> ((SaymonClient) c).users().current(),
                t -> tune(SaymonClient.builder().credentials(SaymonCredentials.session("a", "b")), t).build()));

        Map<String, String> token = Map.of(Ops.SENHA_TOKEN, TOKEN);
        all.add(new Target("senhasegura remote sessions envelope", Ops.SENHA_LIST, 200, List.of(envelope, nested, senhaError),
                c -> drain(((SenhaseguraClient) c).sessions().stream()), null));
        all.add(new Target("senhasegura remote session by id", Ops.SENHA_LIST, 200,
                List.of("{\"code\":200,\"response\":" + okResponse + ",\"remote_session\":[" + remote + "]}"),
                c -> ((SenhaseguraClient) c).sessions().get("3"), null));
        all.add(new Target("senhasegura terminate answer", SenhaseguraSimulatorPaths.TERMINATE, 200,
                List.of("{\"code\":200,\"response\":" + okResponse + "}", senhaError),
                c -> ((SenhaseguraClient) c).sessions().terminate("abc"), null));
        all.add(new Target("senhasegura error body (404)", Ops.SENHA_LIST, 404,
                List.of("{\"code\":404,\"response\":{\"status\":404,\"message\":\"Resource sub not found\",\"error\":true}}",
                        "{\"message\":\"No route matched with those values.\"}"),
                c -> ((SenhaseguraClient) c).sessions().list(), null));
        all.add(new Target("OAuth 2 token response", Ops.SENHA_TOKEN, 200,
                List.of(TOKEN, "{\"token_type\":\"Bearer\",\"expires_in\":\"3600\",\"access_token\":\"t\",\"scope\":[1]}"),
                c -> ((SenhaseguraClient) c).sessions().list(), null));
        all.add(new Target("OAuth 2 token error (401)", Ops.SENHA_TOKEN, 401,
                List.of("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\","
                        + "\"message\":\"Client authentication failed\"}"),
                c -> ((SenhaseguraClient) c).sessions().list(), null));
        // issue 31: a refused API token, masked logins in the walk, a masked session_id, newer and older envelopes
        all.add(new Target("saymon API token refused (401)", Ops.SAYMON_CURRENT, 401,
                List.of("{\"code\":\"Unauthorized\",\"message\":\"{\\\"errorCode\\\":3,\\\"message\\\":\\\"Invalid API "
                        + "token.\\\"}\"}"),
                c -> ((SaymonClient) c).users().current(),
                t -> tune(SaymonClient.builder().credentials(SaymonCredentials.apiToken("t0k")), t).build()));
        all.add(new Target("saymon walk over masked logins", Ops.SAYMON_USERS, 200,
                List.of("[{\"id\":\"u1\",\"login\":\"exampl******\"},{\"id\":\"u2\",\"login\":\"ops\"}]"),
                c -> drain(((SaymonClient) c).auditEvents(org.sessionsdk.core.session.TimeRange.between(Ops.FROM, Ops.TO))),
                t -> tune(SaymonClient.builder().credentials(SaymonCredentials.apiToken("t0k")), t).build()));
        String masked = remote.replace("e7acacb6aedbab70073456da5744166939b77527", "df06257a1****...9104dc43");
        all.add(new Target("senhasegura masked session_id (terminateById)", Ops.SENHA_LIST, 200,
                List.of("{\"code\":200,\"response\":" + okResponse + ",\"remote_session\":[" + masked
                        + "],\"remote_sessions\":[" + remote + "]}"),
                c -> ((SenhaseguraClient) c).sessions().terminateById("3"), null));
        all.add(new Target("senhasegura newest envelope (tenant Segura)", Ops.SENHA_LIST, 200,
                List.of("{\"code\":200,\"response\":" + okResponse + ",\"tenant\":\"Segura\",\"remote_sessions\":["
                        + remote + "]}"),
                c -> drain(((SenhaseguraClient) c).sessions().stream()), null));
        all.add(new Target("senhasegura terminate answers (newest, Portuguese)", SenhaseguraSimulatorPaths.TERMINATE, 200,
                List.of("{\"code\":200,\"tenant\":\"Segura\",\"response\":{\"status\":200,\"message\":\"Session dropped "
                        + "successfully\",\"error\":false}}", "{\"code\":200,\"response\":{\"status\":200,\"message\":"
                        + "\"Sess\u00e3o finalizada\",\"mensagem\":\"Sess\u00e3o finalizada\",\"error\":false}}",
                        "{\"code\":500,\"response\":{\"status\":500,\"message\":\"An error occurred while droping session.\","
                                + "\"error\":true}}"),
                c -> ((SenhaseguraClient) c).sessions().terminate("abc"), null));
        // senhasegura clients: the token path answers a good token unless it is the one fuzzed
        List<Target> out = new ArrayList<>();
        all.addAll(SaymonAuditFuzzTargets.targets());
        for (Target t : all) {
            if (t.client() != null) {
                out.add(t);
            } else {
                out.add(new Target(t.name(), t.path(), t.status(), t.seeds(), t.call(), tr -> tune(SenhaseguraClient.builder()
                        .credentials(SenhaseguraCredentials.oauth2("id", "secret")), tr).build()));
            }
        }
        // -Dfuzz.shard=i/n runs every n-th parser from the i-th, so a long run can use several JVMs
        String shard = System.getProperty("fuzz.shard");
        if (shard != null) {
            int i = Integer.parseInt(shard.substring(0, shard.indexOf('/')));
            int n = Integer.parseInt(shard.substring(shard.indexOf('/') + 1));
            List<Target> mine = new ArrayList<>();
            for (int k = i; k < out.size(); k += n) {
                mine.add(out.get(k));
            }
            out = mine;
        }
        FIXED.putAll(token);
        FIXED.put(Ops.SENHA_LIST, "{\"code\":200,\"remote_sessions\":[]}");
        FIXED.put(Ops.SAYMON_CURRENT, "{\"id\":\"u1\",\"login\":\"a\"}");
        FIXED.put("/node/api/users/session", "\"sid-1\"");
        return out;
    }

    /** Paths of the simulator that are not public constants elsewhere. */
    static final class SenhaseguraSimulatorPaths {
        static final String TERMINATE = org.sessionsdk.testkit.SenhaseguraSimulator.TERMINATE_PATH;
    }

    private static final Map<String, String> FIXED = new java.util.concurrent.ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void onlySdkExceptionsEscape(Target target) throws Exception {
        FuzzTransport transport = new FuzzTransport(target.path(), target.status(), FIXED);
        Mutator mutator = new Mutator(target.seeds());
        Map<String, String> escapes = new LinkedHashMap<>();
        long escaped = 0;
        long typed = 0;
        long start = System.nanoTime();
        try (AutoCloseable quiet = CapturedLogs.pause(); AutoCloseable client = target.client().apply(transport)) {
            // the samples themselves must pass, or the fuzzing would never get past the first byte
            transport.body = target.seeds().get(0).getBytes(StandardCharsets.UTF_8);
            boolean seedOk = runs(target, client);
            assertThat(seedOk || target.status() >= 400 || target.seeds().get(0).contains("error"))
                    .as("the first sample of %s is accepted", target).isTrue();
            // a token or a cookie session is fetched once per client: those parsers need a client per input
            boolean fresh = target.path().equals(Ops.SENHA_TOKEN) || target.path().equals("/node/api/users/session");
            for (long i = 0; i < INPUTS; i++) {
                transport.body = mutator.input(i);
                try {
                    if (fresh) {
                        try (AutoCloseable once = target.client().apply(transport)) {
                            target.call().accept(once);
                        }
                    } else {
                        target.call().accept(client);
                    }
                } catch (SdkException expected) {
                    typed++;
                } catch (Throwable t) {
                    escaped++;
                    String key = t.getClass().getName() + " at " + (t.getStackTrace().length > 0
                            ? t.getStackTrace()[0] : "?");
                    escapes.putIfAbsent(key, "input " + i + ": " + t + " <- "
                            + new String(transport.body, 0, Math.min(300, transport.body.length), StandardCharsets.UTF_8));
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String line = String.format("%-45s inputs=%d typedErrors=%d escapes=%d ms=%d%n", target.name(), INPUTS, typed,
                escaped, millis);
        System.out.print(line);
        report(line);
        assertThat(escapes).as("non-SDK exceptions escaping %s (%d inputs)", target, escaped).isEmpty();
    }

    private static boolean runs(Target target, Object client) {
        try {
            target.call().accept(client);
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    private static void report(String line) {
        try {
            Path p = Path.of("target", "fuzz-report.txt");
            Files.createDirectories(p.getParent());
            Files.writeString(p, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the report is a convenience; the assertion is what counts
        }
    }
}
