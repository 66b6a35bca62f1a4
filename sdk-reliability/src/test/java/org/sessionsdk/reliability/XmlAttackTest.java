package org.sessionsdk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.plesk.PleskClient;
import org.sessionsdk.plesk.PleskCredentials;
import org.sessionsdk.plesk.PleskSession;

/**
 * Issue 8, item 4: hostile XML in a Plesk answer (a 200 and, through the error decoder, a 500). Each
 * is refused with a {@link ResponseFormatException} (or, for the error path, the status's own
 * exception without any expanded text), nothing is expanded into a record or a message, and nothing
 * is fetched: the "attacker" server on loopback sees no request, the local file's text appears nowhere.
 */
class XmlAttackTest {
    private static RawServer attacker;
    private static Path secretFile;
    private static final String FILE_TEXT = "file-secret-7d1c0a";

    @BeforeAll
    static void start() throws Exception {
        attacker = new RawServer(r -> RawServer.response(200, "application/xml-dtd", "<!ENTITY leak \"fetched\">"));
        secretFile = Files.createTempFile("xxe", ".txt");
        Files.writeString(secretFile, FILE_TEXT);
    }

    @AfterAll
    static void stop() throws Exception {
        attacker.close();
        Files.deleteIfExists(secretFile);
    }

    private static String packet(String prolog, String login) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog + "<packet version=\"1.6.9.1\"><session><get><result>"
                + "<status>ok</status><session><id>s1</id><type>admin</type><ip-address>10.0.0.1</ip-address><login>"
                + login + "</login><login-time>2026-01-05T08:00:00</login-time><idle>2026-01-05T08:01:00</idle>"
                + "</session></result></get></session></packet>";
    }

    static Stream<Arguments> attacks() {
        String http = attacker.endpoint() + "/evil";
        String laughs = "<!DOCTYPE packet [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]>";
        return Stream.of(
                Arguments.of("XXE file entity", packet("<!DOCTYPE packet [<!ENTITY xxe SYSTEM \""
                        + secretFile.toUri() + "\">]>", "&xxe;")),
                Arguments.of("XXE http entity", packet("<!DOCTYPE packet [<!ENTITY xxe SYSTEM \"" + http + "\">]>", "&xxe;")),
                Arguments.of("XXE parameter entity", packet("<!DOCTYPE packet [<!ENTITY % p SYSTEM \"" + http + "\"> %p;]>",
                        "&leak;")),
                Arguments.of("billion laughs", packet(laughs, "&lol9;")),
                Arguments.of("external DTD", packet("<!DOCTYPE packet SYSTEM \"" + http + "\">", "admin")),
                Arguments.of("internal DTD, no entity used", packet("<!DOCTYPE packet [<!ELEMENT packet ANY>]>", "admin")),
                Arguments.of("XInclude", packet("", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                        + secretFile.toUri() + "\" parse=\"text\"/>")),
                Arguments.of("XInclude over http", packet("", "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                        + http + "\" parse=\"text\"/>")),
                Arguments.of("undeclared entity", packet("", "&undeclared;")),
                Arguments.of("oversized element content (16 MB)", packet("", "a".repeat(16 * 1024 * 1024))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    @Timeout(60)
    void refusedTypedNothingExpandedOrFetched(String name, String body) {
        for (int status : new int[] {200, 500}) {
            ParserFuzzTest.FuzzTransport t = new ParserFuzzTest.FuzzTransport(Ops.PLESK_PATH, status, Map.of());
            t.body(body.getBytes(StandardCharsets.UTF_8));
            try (PleskClient c = PleskClient.builder().endpoint(attacker.endpoint()).transport(t)
                    .retryPolicy(RetryPolicy.none()).credentials(PleskCredentials.secretKey("k")).build()) {
                @SuppressWarnings("unchecked")
                List<PleskSession>[] got = new List[1];
                Throwable e = catchThrowable(() -> got[0] = c.sessions().list());
                if (status == 500) {
                    assertThat(e).as("%s in a 500", name).isInstanceOf(org.sessionsdk.core.error.ServerException.class);
                } else if (name.startsWith("XInclude")) {
                    // not processed: the include stays an unknown element, the text stays text
                    if (e == null) {
                        assertThat(got[0]).singleElement().satisfies(s -> {
                            assertThat(s.login()).doesNotContain(FILE_TEXT).doesNotContain("fetched");
                        });
                    } else {
                        assertThat(e).isInstanceOf(ResponseFormatException.class);
                    }
                } else {
                    assertThat(e).as(name).isInstanceOf(ResponseFormatException.class);
                }
                if (e != null) {
                    assertThat(e.getMessage()).doesNotContain(FILE_TEXT).doesNotContain("lollollol").doesNotContain("fetched");
                }
            }
        }
        assertThat(attacker.requestsTotal()).as("requests the parser made to the attacker").isZero();
    }
}
