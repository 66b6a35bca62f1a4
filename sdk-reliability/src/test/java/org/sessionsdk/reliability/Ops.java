package org.sessionsdk.reliability;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.sessionsdk.core.config.ClientBuilder;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranAlertQuery;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSessionDetailsQuery;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.plesk.PleskSecretKeyRequest;
import org.sessionsdk.saymon.SaymonAuditQuery;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;
import org.sessionsdk.testkit.EkranSimulator;
import org.sessionsdk.testkit.PleskSimulator;
import org.sessionsdk.testkit.SaymonSimulator;
import org.sessionsdk.testkit.SenhaseguraSimulator;

/**
 * Every user-facing read and write call of every vendor, as a table the suites iterate over. Each
 * operation builds its own client against an endpoint, with the settings the caller passes, runs one
 * call to the end (a stream is drained and closed) and closes the client.
 */
final class Ops {
    private Ops() {
    }

    static final String PLESK_PATH = "/enterprise/control/agent.php";
    static final String EKRAN_PATH = "/ekranapi/sessions";
    static final String EKRAN_ALERTS = "/ekranapi/alerts";
    static final String EKRAN_ACCESS = "/ekranapi/AccessRequests/GetEndpointAccessRequests";
    static final String SAYMON_LOG = "/node/api/users/session/log";
    static final String SAYMON_CURRENT = "/node/api/users/current";
    static final String SAYMON_USERS = "/node/api/users";
    static final String SAYMON_USER_ID = "5f5f420005a91e683e101ca7";
    static final String SAYMON_AUDIT = "/node/api/users/" + SAYMON_USER_ID + "/audit-log";
    static final String SENHA_LIST = SenhaseguraSimulator.SESSIONS_PATH;
    static final String SENHA_TOKEN = SenhaseguraSimulator.TOKEN_PATH;
    static final String SENHA_ISO_LIST = "/iso/session/remotesessions";

    /** Settings a suite applies to every client builder (timeouts, retry policy, ...). */
    interface Tuning extends Consumer<ClientBuilder<?>> {
    }

    /** One call of the public API. */
    record Op(String vendor, String name, boolean write, String path, Function<Tuning, Runner> bind) {
        @Override
        public String toString() {
            return vendor + " " + name;
        }
    }

    /** Runs the call against an endpoint. */
    @FunctionalInterface
    interface Runner {
        void run(URI endpoint) throws Exception;
    }

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

    static PleskClient plesk(URI endpoint, Tuning t) {
        PleskClient.Builder b = PleskClient.builder().endpoint(endpoint)
                .credentials(PleskCredentials.secretKey(PleskSimulator.SECRET_KEY));
        t.accept(b);
        return b.build();
    }

    static EkranClient ekran(URI endpoint, Tuning t) {
        EkranClient.Builder b = EkranClient.builder().endpoint(endpoint)
                .credentials(EkranCredentials.apiKey(EkranSimulator.API_KEY));
        t.accept(b);
        return b.build();
    }

    static SaymonClient saymon(URI endpoint, Tuning t) {
        SaymonClient.Builder b = SaymonClient.builder().endpoint(endpoint)
                .credentials(SaymonCredentials.basic(SaymonSimulator.LOGIN, SaymonSimulator.PASSWORD));
        t.accept(b);
        return b.build();
    }

    /** The API token the SAYMON token operations send (a fault server does not check it). */
    static final String SAYMON_TOKEN = SaymonSimulator.API_TOKEN;

    static SaymonClient saymonToken(URI endpoint, Tuning t) {
        SaymonClient.Builder b = SaymonClient.builder().endpoint(endpoint)
                .credentials(SaymonCredentials.apiToken(SAYMON_TOKEN));
        t.accept(b);
        return b.build();
    }

    static SenhaseguraClient senhasegura(URI endpoint, Tuning t, Duration listTimeout) {
        SenhaseguraClient.Builder b = SenhaseguraClient.builder().endpoint(endpoint)
                .credentials(SenhaseguraCredentials.oauth2(SenhaseguraSimulator.CLIENT_ID,
                        SenhaseguraSimulator.CLIENT_SECRET));
        if (listTimeout != null) {
            b.remoteSessionsTimeout(listTimeout);
        }
        t.accept(b);
        return b.build();
    }

    private static Op plesk(String name, boolean write, Consumer<PleskClient> call) {
        return new Op("plesk", name, write, PLESK_PATH, t -> e -> {
            try (PleskClient c = plesk(e, t)) {
                call.accept(c);
            }
        });
    }

    private static void drain(Stream<?> s) {
        try (s) {
            s.forEach(x -> { });
        }
    }

    /** All operations; {@code senhaListTimeout} bounds senhasegura's long list wait. */
    static List<Op> all(Duration senhaListTimeout) {
        return List.of(
                plesk("sessions().list", false, c -> c.sessions().list()),
                plesk("sessions().stream", false, c -> drain(c.sessions().stream())),
                plesk("sessions().listAsync", false, c -> c.sessions().listAsync().join()),
                plesk("sessions().terminate", true, c -> c.sessions().terminate("0123456789abcdef")),
                plesk("sessions().create", true, c -> c.sessions().create("jdoe", "10.0.0.1")),
                plesk("eventLog().list", false, c -> c.eventLog().list(PleskEventQuery.all())),
                plesk("eventLog().stream", false, c -> drain(c.eventLog().stream(PleskEventQuery.builder().fromId(3).build()))),
                plesk("eventLog().lastId", false, c -> c.eventLog().lastId()),
                plesk("eventLog().objectEvents().list", false, c -> c.eventLog().objectEvents().list()),
                plesk("eventLog().objectEvents().listAndFlush", true, c -> c.eventLog().objectEvents().listAndFlush()),
                plesk("secretKeys().create", true, c -> c.secretKeys().create(
                        PleskSecretKeyRequest.builder().ipAddress("10.0.0.2").description("ci").build())),
                plesk("secretKeys().list", false, c -> c.secretKeys().list()),
                plesk("protocols", false, PleskClient::protocols),
                plesk("secretKeys().delete", true, c -> c.secretKeys().delete("0123-abcd")),
                new Op("ekran", "sessions().list", false, EKRAN_PATH, t -> e -> {
                    try (EkranClient c = ekran(e, t)) {
                        c.sessions().list(EkranSessionQuery.between(FROM, TO));
                    }
                }),
                new Op("ekran", "sessions().stream(split)", false, EKRAN_PATH, t -> e -> {
                    try (EkranClient c = ekran(e, t)) {
                        drain(c.sessions().stream(EkranSessionQuery.between(FROM, TO).splitInto(Duration.ofHours(6))));
                    }
                }),
                new Op("ekran", "sessions().listAsync", false, EKRAN_PATH, t -> e -> {
                    try (EkranClient c = ekran(e, t)) {
                        c.sessions().listAsync(EkranSessionQuery.between(FROM, TO)).join();
                    }
                }),
                new Op("ekran", "alerts().stream", false, EKRAN_ALERTS, t -> e -> {
                    try (EkranClient c = ekran(e, t)) {
                        drain(c.alerts().stream(EkranAlertQuery.between(FROM, TO)));
                    }
                }),
                new Op("ekran", "alerts().listAsync", false, EKRAN_ALERTS, t -> e -> {
                    try (EkranClient c = ekran(e, t)) {
                        c.alerts().listAsync(EkranAlertQuery.between(FROM, TO)).join();
                    }
                }),
                new Op("ekran", "accessRequests().stream", false, EKRAN_ACCESS, t -> e -> {
                    try (EkranClient c = ekran(e, t)) {
                        drain(c.accessRequests().stream(org.sessionsdk.ekran.EkranAccessRequestQuery.between(FROM, TO)));
                    }
                }),
                new Op("ekran", "accessRequests().listAsync", false, EKRAN_ACCESS, t -> e -> {
                    try (EkranClient c = ekran(e, t)) {
                        c.accessRequests().listAsync(org.sessionsdk.ekran.EkranAccessRequestQuery.between(FROM, TO)).join();
                    }
                }),
                new Op("ekran", "sessions().details", false, EKRAN_PATH, t -> e -> {
                    try (EkranClient c = ekran(e, t)) {
                        drain(c.sessions().details(EkranSessionDetailsQuery.between(FROM, TO)));
                    }
                }),
                new Op("saymon", "sessions().list", false, SAYMON_LOG, t -> e -> {
                    try (SaymonClient c = saymon(e, t)) {
                        c.sessions().list(SaymonSessionQuery.builder().from(FROM).to(TO).pageSize(10).build());
                    }
                }),
                new Op("saymon", "sessions().stream", false, SAYMON_LOG, t -> e -> {
                    try (SaymonClient c = saymon(e, t)) {
                        drain(c.sessions().stream(SaymonSessionQuery.builder().from(FROM).to(TO).pageSize(10).build()));
                    }
                }),
                new Op("saymon", "users().current", false, SAYMON_CURRENT, t -> e -> {
                    try (SaymonClient c = saymon(e, t)) {
                        c.users().current();
                    }
                }),
                new Op("saymon", "users().list", false, SAYMON_USERS, t -> e -> {
                    try (SaymonClient c = saymon(e, t)) {
                        c.users().list();
                    }
                }),
                new Op("saymon", "auditLog().list(one user)", false, SAYMON_AUDIT, t -> e -> {
                    try (SaymonClient c = saymon(e, t)) {
                        c.auditLog().list(SaymonAuditQuery.builder().userId(SAYMON_USER_ID).from(FROM).to(TO).pageSize(10).build());
                    }
                }),
                // the walk's first request is the user list: that is where a fault lands
                new Op("saymon", "auditLog().stream(every user)", false, SAYMON_USERS, t -> e -> {
                    try (SaymonClient c = saymon(e, t)) {
                        drain(c.auditLog().stream(SaymonAuditQuery.builder().from(FROM).to(TO).pageSize(10).build()));
                    }
                }),
                new Op("saymon", "auditEvents", false, SAYMON_USERS, t -> e -> {
                    try (SaymonClient c = saymon(e, t)) {
                        drain(c.auditEvents(org.sessionsdk.core.session.TimeRange.between(FROM, TO)));
                    }
                }),
                // issue 31: SAYMON's API token in a query parameter
                new Op("saymon", "users().current (API token)", false, SAYMON_CURRENT, t -> e -> {
                    try (SaymonClient c = saymonToken(e, t)) {
                        c.users().current();
                    }
                }),
                new Op("saymon", "sessions().stream (API token)", false, SAYMON_LOG, t -> e -> {
                    try (SaymonClient c = saymonToken(e, t)) {
                        drain(c.sessions().stream(SaymonSessionQuery.builder().from(FROM).to(TO).pageSize(10).build()));
                    }
                }),
                new Op("senhasegura", "sessions().list", false, SENHA_LIST, t -> e -> {
                    try (SenhaseguraClient c = senhasegura(e, t, senhaListTimeout)) {
                        c.sessions().list();
                    }
                }),
                new Op("senhasegura", "sessions().stream", false, SENHA_LIST, t -> e -> {
                    try (SenhaseguraClient c = senhasegura(e, t, senhaListTimeout)) {
                        drain(c.sessions().stream());
                    }
                }),
                new Op("senhasegura", "sessions().get", false, SENHA_LIST + "/7", t -> e -> {
                    try (SenhaseguraClient c = senhasegura(e, t, senhaListTimeout)) {
                        c.sessions().get("7");
                    }
                }),
                new Op("senhasegura", "sessions().terminate", true,
                        SenhaseguraSimulator.TERMINATE_PATH + "/abc123", t -> e -> {
                    try (SenhaseguraClient c = senhasegura(e, t, senhaListTimeout)) {
                        c.sessions().terminate("abc123");
                    }
                }),
                // issue 31: terminate by numeric id (the read is where a fault lands), an older version's
                // path fixed, the token request's Basic-header form fixed
                new Op("senhasegura", "sessions().terminateById", false, SENHA_LIST + "/7", t -> e -> {
                    try (SenhaseguraClient c = senhasegura(e, t, senhaListTimeout)) {
                        c.sessions().terminateById("7");
                    }
                }),
                new Op("senhasegura", "sessions().stream (/iso path)", false, SENHA_ISO_LIST, t -> e -> {
                    try (SenhaseguraClient c = senhasegura(e, b -> {
                        t.accept(b);
                        ((SenhaseguraClient.Builder) b).remoteSessionsPath(SENHA_ISO_LIST);
                    }, senhaListTimeout)) {
                        drain(c.sessions().stream());
                    }
                }),
                new Op("senhasegura", "OAuth 2 token (Basic header)", false, SENHA_TOKEN, t -> e -> {
                    try (SenhaseguraClient c = senhasegura(e, b -> {
                        t.accept(b);
                        ((SenhaseguraClient.Builder) b).credentials(SenhaseguraCredentials.oauth2(
                                SenhaseguraSimulator.CLIENT_ID, SenhaseguraSimulator.CLIENT_SECRET).withBasicAuthHeader());
                    }, senhaListTimeout)) {
                        c.sessions().list();
                    }
                }),
                // the token request itself, reached through the first call that needs a token
                new Op("senhasegura", "OAuth 2 token (first list)", false, SENHA_TOKEN, t -> e -> {
                    try (SenhaseguraClient c = senhasegura(e, t, senhaListTimeout)) {
                        c.sessions().list();
                    }
                }));
    }

    /** A retry policy with {@code attempts} attempts that never sleeps. */
    static RetryPolicy fastRetry(int attempts) {
        return RetryPolicy.builder().maxAttempts(attempts).sleeper(d -> { }).random(new java.util.Random(7)).build();
    }
}
