package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.sessionsdk.core.session.SessionRecord;
import org.sessionsdk.core.session.TimeRange;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSession;
import org.sessionsdk.ekran.EkranSessionQuery;
import org.sessionsdk.ekran.EkranSessions;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.plesk.PleskEvent;
import org.sessionsdk.plesk.PleskEventQuery;
import org.sessionsdk.plesk.PleskObjectEvents;
import org.sessionsdk.plesk.PleskSecretKey;
import org.sessionsdk.plesk.PleskSecretKeyRequest;
import org.sessionsdk.plesk.PleskSession;
import org.sessionsdk.saymon.SaymonClient;
import org.sessionsdk.saymon.SaymonCredentials;
import org.sessionsdk.saymon.SaymonSession;
import org.sessionsdk.saymon.SaymonSessionQuery;
import org.sessionsdk.saymon.SaymonUsers;
import org.sessionsdk.senhasegura.SenhaseguraClient;
import org.sessionsdk.senhasegura.SenhaseguraCredentials;
import org.sessionsdk.senhasegura.SenhaseguraSession;
import org.sessionsdk.senhasegura.SenhaseguraSessions;

/** The four vendor clients have one shape: a user who learned one guesses the others right. */
@SessionSimulators(sessions = 5)
class ApiShapeTest {
    private static final Instant T0 = SimData.EPOCH;
    private static final Instant T1 = SimData.EPOCH.plus(Duration.ofHours(1));

    @Test
    void everyListIsUnmodifiableAndEqualsItsStreamAndAsyncForms(PleskClient plesk, EkranClient ekran,
                                                                 SaymonClient saymon, SenhaseguraClient pam,
                                                                 PleskSimulator panel) throws Exception {
        panel.withEvents(4);
        plesk.secretKeys().create(PleskSecretKeyRequest.builder().ipAddress("192.0.2.5").build());

        sameInEveryForm(plesk.sessions().list(), plesk.sessions()::stream, plesk.sessions().listAsync()::get);
        sameInEveryForm(plesk.eventLog().list(PleskEventQuery.all()), () -> plesk.eventLog().stream(PleskEventQuery.all()),
                plesk.eventLog().listAsync(PleskEventQuery.all())::get);
        sameInEveryForm(plesk.eventLog().objectEvents().list(), plesk.eventLog().objectEvents()::stream,
                plesk.eventLog().objectEvents().listAsync()::get);
        List<PleskSecretKey> keys = plesk.secretKeys().list();
        assertThat(keys).isNotEmpty();
        sameInEveryForm(keys, plesk.secretKeys()::stream, plesk.secretKeys().listAsync()::get);
        sameInEveryForm(ekran.sessions().list(EkranSessionQuery.all()), () -> ekran.sessions().stream(EkranSessionQuery.all()),
                ekran.sessions().listAsync(EkranSessionQuery.all())::get);
        sameInEveryForm(saymon.sessions().list(SaymonSessionQuery.all()), () -> saymon.sessions().stream(SaymonSessionQuery.all()),
                saymon.sessions().listAsync(SaymonSessionQuery.all())::get);
        sameInEveryForm(saymon.users().list(), saymon.users()::stream, saymon.users().listAsync()::get);
        sameInEveryForm(pam.sessions().list(), pam.sessions()::stream, pam.sessions().listAsync()::get);
    }

    /**
     * Every resource reachable from a client (a public no-arg method returning one of its package's
     * classes, followed down: {@code plesk.eventLog().objectEvents()}) that lists has all three forms,
     * with the same parameters and element type: a resource added later cannot miss one.
     */
    @Test
    void everyResourceOfEveryClientThatListsHasListStreamAndListAsync() {
        Set<Class<?>> resources = new LinkedHashSet<>();
        for (Class<?> client : List.of(PleskClient.class, EkranClient.class, SaymonClient.class, SenhaseguraClient.class)) {
            collectResources(client, resources);
        }
        assertThat(resources).as("the walk reaches nested resources and every vendor's")
                .contains(PleskObjectEvents.class, EkranSessions.class, SaymonUsers.class, SenhaseguraSessions.class);
        List<String> missing = new ArrayList<>();
        for (Class<?> resource : resources) {
            missing.addAll(missingForms(resource));
        }
        assertThat(missing).as("list(...) without its stream(...)/listAsync(...) twin, or the reverse").isEmpty();
    }

    /** Adds the resources reachable from {@code owner}: its package's plain classes, returned by public no-arg methods. */
    private static void collectResources(Class<?> owner, Set<Class<?>> into) {
        for (Method m : owner.getMethods()) {
            Class<?> type = m.getReturnType();
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && isResource(type, owner)
                    && into.add(type)) {
                collectResources(type, into);
            }
        }
    }

    private static boolean isResource(Class<?> type, Class<?> owner) {
        return type.getPackage() != null && type.getPackage().equals(owner.getPackage()) && !type.isRecord()
                && !type.isEnum() && !type.isInterface() && !type.isPrimitive() && type.getEnclosingClass() == null;
    }

    /** The forms {@code resource} lacks, one line each; empty when every listing has all three. */
    private static List<String> missingForms(Class<?> resource) {
        Map<String, Type> forms = Map.of("list", List.class, "stream", Stream.class, "listAsync", CompletableFuture.class);
        Set<List<Class<?>>> signatures = new LinkedHashSet<>();
        for (Method m : resource.getMethods()) {
            if (forms.containsKey(m.getName())) {
                signatures.add(List.of(m.getParameterTypes()));
            }
        }
        List<String> out = new ArrayList<>();
        for (List<Class<?>> types : signatures) {
            String params = "(" + String.join(", ", types.stream().map(Class::getSimpleName).toList()) + ")";
            Set<Type> elements = new LinkedHashSet<>();
            for (String name : forms.keySet()) {
                Method m = publicMethod(resource, name, types);
                if (m == null) {
                    out.add(resource.getSimpleName() + "." + name + params + " is missing");
                    continue;
                }
                Type element = element(m.getGenericReturnType(), (Class<?>) forms.get(name));
                if (element == null) {
                    out.add(resource.getSimpleName() + "." + name + params + " returns " + m.getGenericReturnType());
                } else {
                    elements.add(element);
                }
            }
            if (elements.size() > 1) {
                out.add(resource.getSimpleName() + params + " lists different elements: " + elements);
            }
        }
        return out;
    }

    private static Method publicMethod(Class<?> type, String name, List<Class<?>> params) {
        try {
            return type.getMethod(name, params.toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** T of {@code List<T>}, {@code Stream<T>} or {@code CompletableFuture<List<T>>}; null for any other type. */
    private static Type element(Type returned, Class<?> container) {
        if (!(returned instanceof ParameterizedType p) || p.getRawType() != container) {
            return null;
        }
        Type arg = p.getActualTypeArguments()[0];
        return container == CompletableFuture.class ? element(arg, List.class) : arg;
    }

    interface Async<T> {
        List<T> get() throws Exception;
    }

    private static <T> void sameInEveryForm(List<T> list, Supplier<Stream<T>> stream, Async<T> async) throws Exception {
        assertThat(list).isNotEmpty();
        assertThatThrownBy(() -> list.add(list.get(0))).isInstanceOf(UnsupportedOperationException.class);
        try (Stream<T> s = stream.get()) {
            assertThat(s.toList()).isEqualTo(list);
        }
        List<T> later = async.get();
        assertThat(later).isEqualTo(list);
        assertThatThrownBy(() -> later.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyQueryHasABuilderAllAndOfARange() {
        TimeRange range = TimeRange.between(T0, T1);
        assertThat(EkranSessionQuery.of(range).range()).isEqualTo(range);
        assertThat(EkranSessionQuery.builder().from(T0).to(T1).build()).isEqualTo(EkranSessionQuery.between(T0, T1));
        assertThat(EkranSessionQuery.builder().range(range).window(Duration.ofMinutes(10)).build())
                .isEqualTo(EkranSessionQuery.between(T0, T1).splitInto(Duration.ofMinutes(10)));
        assertThat(EkranSessionQuery.all().range()).isEqualTo(TimeRange.all());
        assertThat(SaymonSessionQuery.of(range).range()).isEqualTo(range);
        assertThat(SaymonSessionQuery.all().range()).isEqualTo(TimeRange.all());
        assertThat(SaymonSessionQuery.all().pageSize()).isEqualTo(SaymonSessionQuery.DEFAULT_PAGE_SIZE);
        assertThat(PleskEventQuery.of(range).range()).isEqualTo(range);
        assertThat(PleskEventQuery.of(range).withFromId(3).range()).isEqualTo(range);
        assertThat(PleskEventQuery.all().range()).isEqualTo(TimeRange.all());
    }

    @Test
    void everyQueryRefusesABackwardRangeWithTheOneCheckOfTimeRange() {
        String expected = catchMessage(() -> new TimeRange(T1, T0));
        assertThat(expected).isEqualTo("range ends before it starts: " + T1 + " .. " + T0);
        List<ThrowingCallable> backwards = List.of(
                () -> EkranSessionQuery.between(T1, T0),
                () -> EkranSessionQuery.builder().from(T1).to(T0).build(),
                () -> SaymonSessionQuery.builder().from(T1).to(T0).build(),
                () -> PleskEventQuery.builder().from(T1).to(T0).build());
        for (ThrowingCallable c : backwards) {
            assertThat(catchMessage(c)).isEqualTo(expected);
        }
    }

    private static String catchMessage(ThrowingCallable c) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(c);
        assertThat(t).isInstanceOf(IllegalArgumentException.class);
        return t.getMessage();
    }

    @Test
    void aPleskEventRangeIsAppliedToTheEntriesTimes(PleskSimulator panel, PleskClient plesk) {
        panel.withEvents(6);
        List<PleskEvent> all = plesk.eventLog().list(PleskEventQuery.all());
        Instant from = all.get(2).time();
        Instant to = all.get(4).time();
        List<PleskEvent> expected = all.stream().filter(e -> !e.time().isBefore(from) && e.time().isBefore(to)).toList();
        assertThat(plesk.eventLog().list(PleskEventQuery.of(TimeRange.between(from, to)))).isEqualTo(expected)
                .contains(all.get(2)).doesNotContain(all.get(4));
    }

    @Test
    void everyClientNamesItsVendorAndEndpointNeverASecretAndTellsItsZone(PleskSimulator p, EkranSimulator e,
                                                                         SaymonSimulator s, SenhaseguraSimulator h) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        try (PleskClient plesk = p.clientBuilder().serverZone(berlin).build();
             EkranClient ekran = e.clientBuilder().serverZone(berlin).build();
             SaymonClient saymon = s.client();
             SenhaseguraClient pam = h.clientBuilder().serverZone(berlin).build()) {
            assertThat(plesk).hasToString("PleskClient[endpoint=" + p.endpoint() + "]");
            assertThat(ekran).hasToString("EkranClient[endpoint=" + e.endpoint() + "]");
            assertThat(saymon).hasToString("SaymonClient[endpoint=" + s.endpoint() + "]");
            assertThat(pam).hasToString("SenhaseguraClient[endpoint=" + h.endpoint() + "]");
            for (Object c : List.of(plesk, ekran, saymon, pam)) {
                assertThat(c.toString()).doesNotContain(PleskSimulator.SECRET_KEY, EkranSimulator.API_KEY,
                        SaymonSimulator.PASSWORD, SenhaseguraSimulator.CLIENT_SECRET);
            }
            assertThat(List.of(plesk.endpoint(), ekran.endpoint(), saymon.endpoint(), pam.endpoint()))
                    .containsExactly(p.endpoint(), e.endpoint(), s.endpoint(), h.endpoint());
            assertThat(List.of(plesk.serverZone(), ekran.serverZone(), pam.serverZone())).containsOnly(berlin);
            assertThat(saymon.serverZone()).isEqualTo(ZoneOffset.UTC); // epoch milliseconds need no zone
        }
    }

    @Test
    void everyBuilderRefusesAMissingPartTheSameWay() {
        URI uri = URI.create("https://host.example");
        List<ThrowingCallable> noCredentials = List.of(
                () -> PleskClient.builder().endpoint(uri).build(),
                () -> EkranClient.builder().endpoint(uri).build(),
                () -> SaymonClient.builder().endpoint(uri).build(),
                () -> SenhaseguraClient.builder().endpoint(uri).build());
        for (ThrowingCallable c : noCredentials) {
            assertThatThrownBy(c).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("credentials are required: ").hasMessageContaining("Credentials.");
        }
        List<ThrowingCallable> noEndpoint = List.of(
                () -> PleskClient.builder().credentials(PleskCredentials.secretKey("k")).build(),
                () -> EkranClient.builder().credentials(EkranCredentials.apiKey("k")).build(),
                () -> SaymonClient.builder().credentials(SaymonCredentials.basic("u", "p")).build(),
                () -> SenhaseguraClient.builder().credentials(SenhaseguraCredentials.oauth2("id", "secret")).build());
        for (ThrowingCallable c : noEndpoint) {
            assertThatThrownBy(c).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("endpoint is required: ");
        }
    }

    @Test
    void everyRecordTellsWhetherItIsOpenAndConvertsWithTheClientsZone(PleskClient plesk, EkranClient ekran,
                                                                      SaymonClient saymon, SenhaseguraClient pam) {
        PleskSession p = plesk.sessions().list().get(0);
        EkranSession e = ekran.sessions().list(EkranSessionQuery.all()).get(0);
        SaymonSession s = saymon.sessions().list(SaymonSessionQuery.all()).get(0);
        SenhaseguraSession h = pam.sessions().list().get(0);

        List<SessionRecord> records = List.of(p.toSessionRecord(plesk.serverZone()), e.toSessionRecord(ekran.serverZone()),
                s.toSessionRecord(saymon.serverZone()), h.toSessionRecord(pam.serverZone()));
        assertThat(records).extracting(SessionRecord::vendor).containsExactly("plesk", "ekran", "saymon", "senhasegura");
        assertThat(List.of(p.open(), e.open(), s.open(), h.open()))
                .containsExactly(records.get(0).open(), records.get(1).open(), records.get(2).open(), records.get(3).open());
        assertThat(p.open()).isTrue(); // session/get lists open sessions only
        // the client's own view adds what only it knows: the panel's host is a Plesk session's target
        try (Stream<SessionRecord> mine = plesk.sessionRecords(TimeRange.all())) {
            assertThat(mine.filter(r -> r.id().equals(p.id())).findFirst().orElseThrow().target())
                    .isEqualTo(plesk.endpoint().getHost());
        }
        assertThat(records.get(0).target()).isNull();
    }
}
