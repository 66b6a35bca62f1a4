package org.sessionsdk.reliability;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.ekran.EkranAccessRequestQuery;
import org.sessionsdk.ekran.EkranAlertQuery;
import org.sessionsdk.ekran.EkranClient;
import org.sessionsdk.ekran.EkranCredentials;
import org.sessionsdk.ekran.EkranSessionDetailsQuery;

/**
 * {@link ParserFuzzTest}'s harness over Ekran's alert and session-detail parsers: the cursor envelope,
 * raw alert fields (arrays and objects kept), and .NET TimeSpan durations. Only SDK exceptions may
 * escape; a mutated cursor or page must never page forever.
 */
class EkranAuditFuzzTest {
    private static final String ALERT = "{\"activityId\":7,\"alertId\":3,\"alertName\":\"USB storage\","
            + "\"riskLevel\":\"High\",\"description\":\"A USB drive\",\"date\":\"2026-01-05T08:00:00.000+00:00\","
            + "\"userName\":\"CORP\\\\jdoe\",\"tags\":[\"usb\",{\"k\":[1,2.5,null,true]}],\"sessionId\":null}";
    private static final String DETAIL = "{\"clientGuid\":\"0f8fad5b-d9cb-469f-a165-70867728950e\","
            + "\"duration\":\"1.20:20:40.0020000\",\"idleTime\":\"00:10:00.5\",\"loginDate\":\"2026-01-05T08:00:00.000+00:00\","
            + "\"logoutDate\":null,\"productiveTime\":\"-00:00:00.0000001\",\"sessionId\":124,\"userId\":61}";

    private static final String REQUEST = "{\"id\":12,\"userName\":\"CORP\\\\jdoe\",\"endpointName\":\"WS-03\","
            + "\"status\":\"Approved\",\"requestDate\":\"2021-09-01T16:50:00+03:00\","
            + "\"processedDate\":\"2021-09-01T17:00:00+03:00\",\"processedBy\":\"admin\",\"reason\":\"patching\","
            + "\"ticket\":{\"no\":[7,null,true]}}";

    private static AutoCloseable client(HttpTransport t) {
        return EkranClient.builder().credentials(EkranCredentials.apiKey("k")).endpoint(URI.create("http://127.0.0.1:9"))
                .transport(t).retryPolicy(RetryPolicy.none()).build();
    }

    private static void drain(Stream<?> s) {
        try (s) {
            s.forEach(x -> { });
        }
    }

    static List<ParserFuzzTest.Target> targets() {
        return List.of(
                new ParserFuzzTest.Target("ekran alerts batch", Ops.EKRAN_ALERTS, 200, List.of(
                        "{\"afterActivityId\":7,\"alerts\":[" + ALERT + "," + ALERT + "]}",
                        "{\"alerts\":[" + ALERT + "],\"afterActivityId\":\"7\"}"),
                        c -> drain(((EkranClient) c).alerts().stream(EkranAlertQuery.all())),
                        EkranAuditFuzzTest::client),
                new ParserFuzzTest.Target("ekran alerts as audit events", Ops.EKRAN_ALERTS, 200, List.of(
                        "{\"afterActivityId\":7,\"alerts\":[" + ALERT + "]}"),
                        c -> drain(((EkranClient) c).auditEvents(org.sessionsdk.core.session.TimeRange.all())),
                        EkranAuditFuzzTest::client),
                new ParserFuzzTest.Target("ekran endpoint access requests batch", Ops.EKRAN_ACCESS, 200, List.of(
                        "{\"afterId\":12,\"accessRequests\":[" + REQUEST + "," + REQUEST.replace("12", "13") + "]}",
                        "{\"accessRequests\":[" + REQUEST + "],\"afterId\":\"12\"}",
                        "{\"accessRequests\":[" + REQUEST + "]}"),
                        c -> drain(((EkranClient) c).accessRequests().stream(EkranAccessRequestQuery.all())),
                        EkranAuditFuzzTest::client),
                new ParserFuzzTest.Target("ekran access requests as audit events", Ops.EKRAN_ACCESS, 200, List.of(
                        "{\"afterId\":12,\"accessRequests\":[" + REQUEST + "]}"),
                        c -> drain(((EkranClient) c).auditEvents(org.sessionsdk.core.session.TimeRange.all())),
                        EkranAuditFuzzTest::client),
                new ParserFuzzTest.Target("ekran session details page", Ops.EKRAN_PATH, 200, List.of(
                        "{\"sessions\":[" + DETAIL + "," + DETAIL + "]}"),
                        c -> drain(((EkranClient) c).sessions().details(EkranSessionDetailsQuery.all())),
                        EkranAuditFuzzTest::client),
                new ParserFuzzTest.Target("ekran session details error (400)", Ops.EKRAN_PATH, 400, List.of(
                        "{\"type\":\"https://tools.ietf.org/html/rfc7231#section-6.5.1\",\"title\":\"One or more "
                                + "validation errors occurred.\",\"status\":400,\"errors\":{\"sessionCount\":[\"bad\"]}}"),
                        c -> ((EkranClient) c).sessions().detailsList(EkranSessionDetailsQuery.all()),
                        EkranAuditFuzzTest::client));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void onlySdkExceptionsEscape(ParserFuzzTest.Target target) throws Exception {
        new ParserFuzzTest().onlySdkExceptionsEscape(target);
    }
}
