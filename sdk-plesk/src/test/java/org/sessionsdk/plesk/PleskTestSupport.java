package org.sessionsdk.plesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.testing.Loopback;

/** Shared setup of the Plesk tests: a client on WireMock, stubs by operation, request validation. */
final class PleskTestSupport {
    static final String AGENT = "/enterprise/control/agent.php";
    private static final Schema OUR_SCHEMA = schema();

    private PleskTestSupport() {
    }

    static PleskClient client(WireMockExtension wm, PleskCredentials creds) {
        return PleskClient.builder().endpoint(Loopback.endpoint(wm)).credentials(creds)
                .retryPolicy(Loopback.fastRetry(3, new Loopback.RecordingSleeper())).build();
    }

    static PleskClient client(WireMockExtension wm) {
        return client(wm, PleskCredentials.secretKey("test-key"));
    }

    /** Answers requests whose body contains {@code marker} (e.g. "<get_events>") with {@code packet}. */
    static void answer(WireMockExtension wm, String marker, String packet) {
        wm.stubFor(post(urlPathEqualTo(AGENT)).withRequestBody(containing(marker))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(packet)));
    }

    static String ok(String operator, String operation, String inner) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\"><" + operator + "><" + operation
                + "><result><status>ok</status>" + inner + "</result></" + operation + "></" + operator + "></packet>";
    }

    static String resultError(String operator, String operation, int code, String text) {
        return "<packet><" + operator + "><" + operation + "><result><status>error</status><errcode>" + code
                + "</errcode><errtext>" + text + "</errtext></result></" + operation + "></" + operator + "></packet>";
    }

    static String systemError(int code, String text) {
        return "<packet version=\"1.6.9.1\"><system><status>error</status><errcode>" + code + "</errcode><errtext>"
                + text + "</errtext></system></packet>";
    }

    /** The bodies of all requests WireMock saw, oldest first, each checked against our XSD. */
    static List<String> sentPackets(WireMockExtension wm) {
        List<ServeEvent> events = new java.util.ArrayList<>(wm.getAllServeEvents());
        java.util.Collections.reverse(events);
        List<String> bodies = events.stream().map(e -> e.getRequest().getBodyAsString()).toList();
        bodies.forEach(PleskTestSupport::assertValid);
        return bodies;
    }

    static void assertValid(String packet) {
        try {
            OUR_SCHEMA.newValidator().validate(new StreamSource(new StringReader(packet)));
        } catch (Exception e) {
            throw new AssertionError("request packet does not validate: " + e.getMessage() + "\n" + packet, e);
        }
        assertThat(packet).startsWith("<?xml");
    }

    static RetryPolicy noRetry() {
        return RetryPolicy.none();
    }

    private static Schema schema() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(Path.of("src/main/xsd/plesk-sessions.xsd").toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
