package org.sessionsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Plesk simulator on the wire, as a client other than the SDK's sees it: raw packets in, the
 * exact text of agent_output.xsd out (element order, {@code xs:dateTime}, error codes).
 */
class PleskWireTest {
    private static final String AGENT = "/enterprise/control/agent.php";
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    private static HttpResponse<String> packet(PleskSimulator sim, String body) {
        return RawHttp.post(sim, AGENT, body, "Content-Type", "text/xml", "KEY", PleskSimulator.SECRET_KEY);
    }

    private static List<String> all(String text, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String createKey(PleskSimulator sim) {
        String body = packet(sim, "<packet><secret_key><create><description>ci</description></create></secret_key>"
                + "</packet>").body();
        return all(body, "key").get(0);
    }

    @Test
    void theAnswerCarriesTheRequestsPacketVersion() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            assertThat(packet(sim, "<packet version=\"1.6.3.0\"><session><get/></session></packet>").body())
                    .contains("<packet version=\"1.6.3.0\">");
            assertThat(packet(sim, "<packet><session><get/></session></packet>").body())
                    .contains("<packet version=\"1.6.9.1\">");
            assertThat(packet(sim, "<packet version=\"x<y\"><session><get/></session></packet>").body())
                    .as("a value that is not a version").contains("<packet version=\"1.6.9.1\">");
        }
    }

    @Test
    void aFlushingObjectEventReadDeletesWhatItReturned() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String keep = "<packet><event_log><get><options><flush_selected_range>false</flush_selected_range></options>"
                    + "</get></event_log></packet>";
            assertThat(all(packet(sim, keep).body(), "id")).hasSize(3);
            assertThat(all(packet(sim, "<packet><event_log><get/></event_log></packet>").body(), "id")).hasSize(3);
            assertThat(sim.flushes()).isEqualTo(1);
            assertThat(all(packet(sim, keep).body(), "id")).as("flushed").isEmpty();
        }
    }

    @Test
    void sessionTimesAreXsDateTimesWithSeconds() {
        // three sessions 7 minutes apart, the newest 7 minutes before the anchor: the first at 08:00:00
        try (PleskSimulator sim = PleskSimulator.start().withClock(SimClock.at(Instant.parse("2026-01-05T08:21:00.250Z")))) {
            String body = packet(sim, "<packet><session><get/></session></packet>").body();
            List<String> times = new ArrayList<>(all(body, "login-time"));
            times.addAll(all(body, "idle"));
            assertThat(times).hasSize(6).allSatisfy(t -> assertThat(t).matches(DATE_TIME));
            // the first generated session starts on a whole minute: seconds are still written
            assertThat(body).contains("<login-time>2026-01-05T08:00:00</login-time>");
        }
    }

    @Test
    void sessionChildrenComeInTheSchemasOrder() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String body = packet(sim, "<packet><session><get/></session></packet>").body();
            assertThat(body).containsPattern("<session><get><result><status>ok</status><session><id>[^<]+</id>"
                    + "<type>[^<]+</type><ip-address>[^<]+</ip-address><login>[^<]+</login>"
                    + "<login-time>[^<]+</login-time><idle>[^<]+</idle></session>");
        }
    }

    @Test
    void acceptsEveryFormOfAnEmptyOperation() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String expected = all(packet(sim, "<packet><session><get/></session></packet>").body(), "id").toString();
            for (String form : List.of(
                    "<packet><session><get></get></session></packet>",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet><session><get></get></session></packet>\n",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet>\n  <session>\n    <get/>\n  </session>\n</packet>",
                    "<packet version=\"1.6.9.1\"><session><get/></session></packet>")) {
                HttpResponse<String> r = packet(sim, form);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(all(r.body(), "id")).as(form).hasToString(expected);
            }
        }
    }

    @Test
    void acceptsPrettyPrintedValues() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String id = all(packet(sim, "<packet><session><get/></session></packet>").body(), "id").get(0);
            String body = packet(sim, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet>\n  <session>\n"
                    + "    <terminate>\n      <session-id>" + id + "</session-id>\n    </terminate>\n  </session>\n"
                    + "</packet>\n").body();
            assertThat(body).contains("<status>ok</status>");
        }
    }

    @Test
    void answersEveryOperatorOfAPacketInOrder() {
        try (PleskSimulator sim = PleskSimulator.start().withEvents(7)) {
            String body = packet(sim, "<packet><event_log><get-last-id/></event_log><session><get/></session>"
                    + "</packet>").body();
            assertThat(body).containsPattern("<packet[^>]*><event_log><get-last-id><result><status>ok</status>"
                    + "<id>7</id></result></get-last-id></event_log><session><get><result><status>ok</status><session>");
            String two = packet(sim, "<packet><session><get/><get/></session></packet>").body();
            assertThat(two).containsPattern("(?s)<session><get><result>.*</result></get><get><result>.*</result></get>"
                    + "</session></packet>");
        }
    }

    @Test
    void secretKeysAreUuids() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            assertThat(PleskSimulator.SECRET_KEY).matches(UUID);
            String first = createKey(sim);
            String second = createKey(sim);
            assertThat(first).matches(UUID);
            assertThat(second).matches(UUID).isNotEqualTo(first);
        }
        try (PleskSimulator again = PleskSimulator.start()) {
            assertThat(createKey(again)).as("same seed, same keys").matches(UUID);
        }
    }

    @Test
    void getInfoHonoursItsFilter() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String a = createKey(sim);
            String b = createKey(sim);
            String one = packet(sim, "<packet><secret_key><get_info><filter><key>" + a + "</key></filter></get_info>"
                    + "</secret_key></packet>").body();
            assertThat(one).contains("<result><status>ok</status><key_info><key>" + a + "</key><ip_address>")
                    .doesNotContain(b);
            assertThat(one).containsPattern("<key_info><key>[^<]+</key><ip_address>[^<]*</ip_address>"
                    + "<description>ci</description><login>[^<]+</login></key_info>");
            String unknown = packet(sim, "<packet><secret_key><get_info><filter><key>"
                    + "00000000-0000-4000-8000-000000000000</key></filter></get_info></secret_key></packet>").body();
            assertThat(unknown).contains("<result><status>error</status><errcode>1013</errcode><errtext>")
                    .doesNotContain("<key_info>");
            String both = packet(sim, "<packet><secret_key><get_info><filter><key>" + a + "</key><key>" + b
                    + "</key></filter></get_info></secret_key></packet>").body();
            assertThat(all(both, "status")).containsExactly("ok", "ok");
            String allKeys = packet(sim, "<packet><secret_key><get_info><filter/></get_info></secret_key></packet>")
                    .body();
            assertThat(allKeys).contains(a, b);
        }
    }

    @Test
    void deleteHonoursItsFilterAndAnswersUnknownKeysWith1013() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String a = createKey(sim);
            String b = createKey(sim);
            String deleted = packet(sim, "<packet><secret_key><delete><filter><key>" + a + "</key><key>" + b
                    + "</key></filter></delete></secret_key></packet>").body();
            assertThat(deleted).contains("<result><status>ok</status><key>" + a + "</key></result>"
                    + "<result><status>ok</status><key>" + b + "</key></result>");
            String again = packet(sim, "<packet><secret_key><delete><filter><key>" + a + "</key></filter></delete>"
                    + "</secret_key></packet>").body();
            assertThat(again).contains("<result><status>error</status><errcode>1013</errcode><errtext>");
            String info = packet(sim, "<packet><secret_key><get_info><filter><key>" + a + "</key></filter>"
                    + "</get_info></secret_key></packet>").body();
            assertThat(info).contains("<status>error</status><errcode>1013</errcode>").doesNotContain("<key_info>");
        }
    }

    @Test
    void anInvalidLastIdIsAParserErrorNotAServerFailure() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            for (String bad : List.of("abc", "0", "-3")) {
                HttpResponse<String> r = packet(sim, "<packet><event_log><get_events><lastId>" + bad
                        + "</lastId></get_events></event_log></packet>");
                assertThat(r.statusCode()).as(bad).isEqualTo(200);
                assertThat(r.body()).as(bad).contains("<system><status>error</status><errcode>1014</errcode>");
            }
        }
    }

    @Test
    void answersAsTextXmlInUtf8() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            HttpResponse<String> r = packet(sim, "<packet><session><get/></session></packet>");
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("text/xml").containsIgnoringCase("charset=UTF-8"));
            assertThat(r.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        }
    }

    @Test
    void aMissingRequiredElementIsAParserError() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            int before = sim.sessions().size();
            for (String op : List.of("<session><terminate></terminate></session>",
                    "<server><create_session><data><user_ip>MTkyLjAuMi40NA==</user_ip></data></create_session></server>")) {
                HttpResponse<String> r = packet(sim, "<packet>" + op + "</packet>");
                assertThat(r.statusCode()).as(op).isEqualTo(200);
                assertThat(r.body()).as(op).contains("<system><status>error</status><errcode>1014</errcode>");
            }
            assertThat(sim.sessions()).hasSize(before);
        }
    }

    @Test
    void aUserIpThatIsNotBase64IsAnInvalidValueNotADroppedConnection() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            HttpResponse<String> r = packet(sim, "<packet><server><create_session><login>jdoe</login><data>"
                    + "<user_ip>not base64!</user_ip></data></create_session></server></packet>");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("<server><create_session><result><status>error</status><errcode>1019</errcode>");
        }
    }

    @Test
    void prettyPrintsWhenAskedAsPlesksOwnClientAsks() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String compact = packet(sim, "<packet><session><get></get></session></packet>").body();
            // what plesk/api-php-lib sends: declaration, <get></get>, HTTP_PRETTY_PRINT, login and password
            HttpResponse<String> r = RawHttp.post(sim, AGENT,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet><session><get></get></session></packet>",
                    "Content-Type", "text/xml", "HTTP_PRETTY_PRINT", "TRUE",
                    "HTTP_AUTH_LOGIN", PleskSimulator.LOGIN, "HTTP_AUTH_PASSWD", PleskSimulator.PASSWORD);
            String pretty = r.body();
            assertThat(pretty).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\">\n"
                    + "  <session>\n    <get>\n      <result>\n        <status>ok</status>\n        <session>\n"
                    + "          <id>");
            assertThat(pretty).containsPattern("\n {10}<login-time>[^<]+</login-time>\n {10}<idle>");
            assertThat(all(pretty, "id")).isEqualTo(all(compact, "id"));
            assertThat(compact).doesNotContain("\n  <session>");
        }
    }

    @Test
    void theKeyTheClientSignsInWithIsOneOfThePanelsKeys() {
        try (PleskSimulator sim = PleskSimulator.start()) {
            String a = createKey(sim);
            String b = createKey(sim);
            String info = packet(sim, "<packet><secret_key><get_info><filter><key>" + PleskSimulator.SECRET_KEY
                    + "</key></filter></get_info></secret_key></packet>").body();
            assertThat(info).contains("<result><status>ok</status><key_info><key>" + PleskSimulator.SECRET_KEY + "</key>");
            String listed = packet(sim, "<packet><secret_key><get_info><filter></filter></get_info></secret_key>"
                    + "</packet>").body();
            assertThat(all(listed, "key")).containsExactly(PleskSimulator.SECRET_KEY, a, b);

            HttpResponse<String> byA = RawHttp.post(sim, AGENT, "<packet><secret_key><delete><filter><key>"
                    + PleskSimulator.SECRET_KEY + "</key></filter></delete></secret_key></packet>", "KEY", a);
            assertThat(byA.body()).contains("<status>ok</status>");
            assertThat(packet(sim, "<packet><session><get/></session></packet>").body())
                    .contains("<system><status>error</status><errcode>11003</errcode>");
        }
    }
}
