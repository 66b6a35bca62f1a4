package org.sessionsdk.plesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sessionsdk.plesk.PleskTestSupport.AGENT;
import static org.sessionsdk.plesk.PleskTestSupport.answer;
import static org.sessionsdk.plesk.PleskTestSupport.client;
import static org.sessionsdk.plesk.PleskTestSupport.ok;
import static org.sessionsdk.plesk.PleskTestSupport.sentPackets;
import static org.sessionsdk.plesk.PleskTestSupport.systemError;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.sessionsdk.core.error.ApiException;
import org.sessionsdk.core.error.AuthenticationException;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.error.ServerException;
import org.sessionsdk.core.testing.GeneratedBody;
import org.sessionsdk.core.testing.Loopback;
import org.sessionsdk.core.testing.StreamingServer;

class PleskEventLogTest {
    @RegisterExtension
    static WireMockExtension wm = Loopback.wireMock();

    static final String SEED_EVENTS = """
            <packet>
                <event_log>
                    <get_events>
                        <result>
                            <status>ok</status>
                            <event>
                                <id>177</id>
                                <type>updated</type>
                                <time>1165055109</time>
                                <class>dns_zone</class>
                                <obj_id>Mysite.com</obj_id>
                                <user>myUser</user>
                                <host>192.168.56.53</host>
                            </event>
                            <event>
                                <id>178</id>
                                <type>created</type>
                                <time>1165055209</time>
                                <class>mailname</class>
                                <obj_id>mail@Mysite.com</obj_id>
                                <user>myUser</user>
                                <host>192.168.56.53</host>
                            </event>
                        </result>
                    </get_events>
                </event_log>
            </packet>""";

    static final String SEED_PAST_THE_END = """
            <packet>
                <event_log>
                    <get_events>
                        <result>
                            <status>ok</status>
                        </result>
                    </get_events>
                </event_log>
            </packet>""";

    private static String event(long id) {
        return "<event><id>" + id + "</id><type>created</type><time>" + (1_700_000_000L + id) + "</time><class>admin_alias</class>"
                + "<obj_id>o" + id + "</obj_id><user>u</user><host>10.0.0.1</host></event>";
    }

    @Test
    void readsTheSeedLogFromAnInclusiveId() {
        answer(wm, "<lastId>177</lastId>", SEED_EVENTS);
        try (PleskClient plesk = client(wm)) {
            List<PleskEvent> events = plesk.eventLog().list(PleskEventQuery.builder().fromId(177).build());

            assertThat(events).containsExactly(
                    new PleskEvent(177, "updated", Instant.ofEpochSecond(1165055109), "dns_zone", "Mysite.com", "myUser", "192.168.56.53"),
                    new PleskEvent(178, "created", Instant.ofEpochSecond(1165055209), "mailname", "mail@Mysite.com", "myUser", "192.168.56.53"));
        }
        assertThat(sentPackets(wm)).singleElement().asString()
                .endsWith("<packet><event_log><get_events><lastId>177</lastId></get_events></event_log></packet>");
    }

    @Test
    void askingPastTheLastIdIsEmpty() {
        answer(wm, "<get_events", SEED_PAST_THE_END);
        try (PleskClient plesk = client(wm)) {
            assertThat(plesk.eventLog().list(PleskEventQuery.builder().fromId(999).build())).isEmpty();
        }
    }

    @Test
    void sendsTypeAndClassFiltersInSchemaOrder() {
        answer(wm, "<get_events", SEED_PAST_THE_END);
        try (PleskClient plesk = client(wm)) {
            plesk.eventLog().listAsync(PleskEventQuery.builder().event("created", "mailname").event("deleted", "site").build()).join();
            plesk.eventLog().list(PleskEventQuery.all());
        }
        List<String> sent = sentPackets(wm);
        assertThat(sent.get(0)).endsWith("<get_events><events><event><type>created</type><class>mailname</class></event>"
                + "<event><type>deleted</type><class>site</class></event></events></get_events></event_log></packet>");
        assertThat(sent.get(1)).endsWith("<event_log><get_events/></event_log></packet>");
    }

    @Test
    void lastIdReadsTheIdOrZeroForAnEmptyLog() {
        answer(wm, "<get-last-id/>", ok("event_log", "get-last-id", "<id>4242</id>"));
        try (PleskClient plesk = client(wm)) {
            assertThat(plesk.eventLog().lastId()).isEqualTo(4242);
            answer(wm, "<get-last-id/>", ok("event_log", "get-last-id", ""));
            assertThat(plesk.eventLog().lastId()).isZero();
        }
    }

    @Test
    void objectEventsNeverFlushUnlessAskedExplicitly() {
        answer(wm, "<event_log><get>", ok("event_log", "get", "<event><type>created</type><time>1165055109</time>"
                + "<class>client</class><id>7</id></event>"));
        try (PleskClient plesk = client(wm)) {
            assertThat(plesk.eventLog().objectEvents().list()).containsExactly(
                    new PleskObjectEvent("created", Instant.ofEpochSecond(1165055109), "client", "7"));
            plesk.eventLog().objectEvents().listAndFlush();
        }
        List<String> sent = sentPackets(wm);
        assertThat(sent.get(0)).endsWith("<event_log><get><options><flush_selected_range>false</flush_selected_range>"
                + "</options></get></event_log></packet>");
        assertThat(sent.get(1)).contains("<flush_selected_range>true</flush_selected_range>");
    }

    @Test
    void aFlushingReadIsNeverRetriedButAPlainOneIs() {
        wm.stubFor(post(urlPathEqualTo(AGENT)).willReturn(aResponse().withStatus(502)));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.eventLog().objectEvents().listAndFlush()).isInstanceOf(ServerException.class);
            assertThatThrownBy(() -> plesk.eventLog().objectEvents().list()).isInstanceOf(ServerException.class);
        }
        assertThat(sentPackets(wm)).hasSize(1 + 3);
    }

    @Test
    void systemErrorsOnTheLogAreTyped() {
        answer(wm, "<get_events", systemError(11003, "Secret key is invalid"));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.eventLog().list(PleskEventQuery.all())).isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("11003");
            answer(wm, "<get_events", systemError(1005, "Unsupported protocol version"));
            assertThatThrownBy(() -> plesk.eventLog().lastId()).isInstanceOf(ApiException.class);
            assertThatThrownBy(() -> plesk.eventLog().list(PleskEventQuery.all())).isExactlyInstanceOf(ApiException.class)
                    .hasMessageContaining("packetVersion");
        }
    }

    @Test
    void aWrongTypeInAnEventIsAFormatErrorNotAZero() {
        answer(wm, "<get_events", ok("event_log", "get_events", "<event><id>abc</id><type>t</type><time>1</time>"
                + "<class>c</class><obj_id>o</obj_id><user>u</user><host>h</host></event>"));
        try (PleskClient plesk = client(wm)) {
            assertThatThrownBy(() -> plesk.eventLog().list(PleskEventQuery.all())).isInstanceOf(ResponseFormatException.class);
        }
    }

    @Test
    void followPicksUpEventsAddedBetweenPolls() {
        answer(wm, "<get_events/>", ok("event_log", "get_events", event(1) + event(2)));
        answer(wm, "<lastId>3</lastId>", ok("event_log", "get_events", ""));
        Loopback.RecordingSleeper sleeper = new Loopback.RecordingSleeper();
        try (PleskClient plesk = PleskClient.builder().endpoint(Loopback.endpoint(wm))
                .credentials(PleskCredentials.secretKey("k")).pollSleeper(d -> {
                    sleeper.sleep(d);
                    if (sleeper.delays().size() == 2) {
                        // between the second and third poll, the panel logs events 3 and 4
                        answer(wm, "<lastId>3</lastId>", ok("event_log", "get_events", event(3) + event(4)));
                    }
                }).build();
             Stream<PleskEvent> live = plesk.eventLog().follow(PleskEventQuery.all(), Duration.ofSeconds(5))) {
            Iterator<PleskEvent> it = live.iterator();
            assertThat(List.of(it.next().id(), it.next().id(), it.next().id(), it.next().id())).containsExactly(1L, 2L, 3L, 4L);
        }
        assertThat(sleeper.delays()).containsOnly(Duration.ofSeconds(5)).hasSize(2);
        List<String> sent = sentPackets(wm);
        assertThat(sent).hasSize(3);
        assertThat(sent.get(1)).contains("<lastId>3</lastId>");
        assertThat(sent.get(2)).contains("<lastId>3</lastId>");
    }

    @Test
    void streamsAHundredThousandEventsWithoutBuildingAList() {
        GeneratedBody[] body = new GeneratedBody[1];
        try (StreamingServer server = StreamingServer.start(AGENT, "text/xml", () -> body[0] = GeneratedBody.of(
                "<?xml version=\"1.0\"?><packet><event_log><get_events><result><status>ok</status>", 100_000,
                i -> event(i + 1), "\n", "</result></get_events></event_log></packet>"));
             PleskClient plesk = PleskClient.builder().endpoint(server.endpoint())
                     .credentials(PleskCredentials.secretKey("k")).build();
             Stream<PleskEvent> events = plesk.eventLog().stream(PleskEventQuery.all())) {
            long[] count = {0};
            long[] lastId = {0};
            events.forEach(e -> {
                if (count[0] == 0) {
                    // the first event arrived while the body (over 10 MB) was still being generated; the
                    // bound leaves room for loopback socket buffers, which fill further on a loaded machine
                    assertThat(body[0].bytesRead()).isLessThan(2_500_000);
                }
                assertThat(e.id()).isEqualTo(lastId[0] + 1);
                lastId[0] = e.id();
                count[0]++;
            });
            assertThat(count[0]).isEqualTo(100_000);
            assertThat(server.bytesSent()).isGreaterThan(10_000_000);
        }
    }
}
