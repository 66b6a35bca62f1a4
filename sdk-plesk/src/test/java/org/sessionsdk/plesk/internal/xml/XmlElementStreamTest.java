package org.sessionsdk.plesk.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.testing.GeneratedBody;

class XmlElementStreamTest {
    /** A wire type as XJC would generate it. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Ev {
        @XmlElement(required = true)
        long id;
        @XmlElement(name = "class")
        String clazz;
    }

    /** An error block, unmarshalled whole. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Sys {
        String status;
        Integer errcode;
        String errtext;
    }

    record Event(long id, String clazz) {
    }

    private static final JAXBContext CTX = context();

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Ev.class, Sys.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static InputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private final List<String> statuses = new ArrayList<>();

    private XmlElementStream<Event> events() {
        return XmlElementStream.of(CTX, "event", Ev.class, e -> new Event(e.id, e.clazz), "event log")
                .onText("status", (parents, text) -> statuses.add(String.join("/", parents) + "=" + text))
                .onElement("system", Sys.class, (parents, sys) -> {
                    throw new IllegalStateException("system error " + sys.errcode + " " + sys.errtext);
                })
                .build();
    }

    @Test
    void streamsElementsAndReportsTheTextAround() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><packet version=\"1.6.9.1\"><event_log><get_events><result>"
                + "<status>ok</status><event><id>177</id><class>dns_zone</class><new>x</new></event>\n  "
                + "<event><id>178</id><class>mailname</class></event></result></get_events></event_log></packet>";
        AtomicBoolean closed = new AtomicBoolean();
        List<Event> got = events().list(body(xml), () -> closed.set(true));
        assertThat(got).containsExactly(new Event(177, "dns_zone"), new Event(178, "mailname"));
        assertThat(statuses).containsExactly("packet/event_log/get_events/result=ok");
        assertThat(closed).isTrue();
    }

    @Test
    void canMatchOnlyAtAGivenPath() {
        String xml = "<packet><event><get><result><status>ok</status><event><id>5</id></event></result></get></event></packet>";
        XmlElementStream<Event> s = XmlElementStream.of(CTX, "event", Ev.class, e -> new Event(e.id, e.clazz), "t")
                .at("packet", "event", "get", "result").build();
        assertThat(s.list(body(xml), null)).containsExactly(new Event(5, null));
        String elsewhere = "<packet><other><get><result><event><id>6</id></event></result></get></other></packet>";
        assertThat(s.list(body(elsewhere), null)).isEmpty();
    }

    @Test
    void adjacentElementsWithoutWhitespaceAreAllRead() {
        String xml = "<r><event><id>1</id></event><event><id>2</id></event><event><id>3</id></event></r>";
        assertThat(events().list(body(xml), null)).extracting(Event::id).containsExactly(1L, 2L, 3L);
    }

    @Test
    void smallElementsCanBeUnmarshalledWholeToRaiseErrors() {
        String xml = "<packet><system><status>error</status><errcode>1001</errcode><errtext>Login failed</errtext></system></packet>";
        assertThatThrownBy(() -> events().list(body(xml), null)).hasMessage("system error 1001 Login failed");
    }

    @Test
    void malformedAndTruncatedXmlAreFormatErrors() {
        AtomicBoolean closed = new AtomicBoolean();
        assertThatThrownBy(() -> events().list(body("<packet><event><id>1</id></event><event><id>2"), () -> closed.set(true)))
                .isInstanceOf(ResponseFormatException.class).hasMessageContaining("event log");
        assertThat(closed).isTrue();
        assertThatThrownBy(() -> events().list(body("<packet><event><id>1</id></event>"), null))
                .isInstanceOf(ResponseFormatException.class);
        assertThatThrownBy(() -> events().list(body("not xml at all"), null)).isInstanceOf(ResponseFormatException.class);
        assertThatThrownBy(() -> events().list(body(""), null)).isInstanceOf(ResponseFormatException.class);
        assertThatThrownBy(() -> events().list(body("<packet><event><id>abc</id></event></packet>"), null))
                .isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void refusesXxeWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE packet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<packet><event><id>1</id><class>&xxe;</class></event></packet>";
        assertThatThrownBy(() -> events().list(body(xxe), null))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageNotContaining("TOP-SECRET-CONTENT");
    }

    @Test
    void refusesAnExternalDtdAndParameterEntities() {
        String ext = "<?xml version=\"1.0\"?><!DOCTYPE packet SYSTEM \"http://127.0.0.1:1/evil.dtd\"><packet/>";
        assertThatThrownBy(() -> events().list(body(ext), null)).isInstanceOf(ResponseFormatException.class);
        String param = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY % e SYSTEM \"http://127.0.0.1:1/x\"> %e;]><p/>";
        assertThatThrownBy(() -> events().list(body(param), null)).isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void refusesBillionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            String prev = i == 1 ? "&lol;" : "&lol" + (i - 1) + ";";
            dtd.append(prev.repeat(10)).append("\">");
        }
        dtd.append("]><packet><event><id>1</id><class>&lol9;</class></event></packet>");
        assertThatThrownBy(() -> events().list(body(dtd.toString()), null)).isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void textSplitByCdataEntitiesAndCommentsReadsWholeEverywhere() throws Exception {
        // the parser does not coalesce: each of these is several text events the SDK joins itself
        String split = "a<![CDATA[<b>&amp;]]>&amp;&lt;&#233;<!-- c -->z" + "y".repeat(40_000) + "<![CDATA[q]]>&gt;";
        String whole = "a<b>&amp;&<\u00e9z" + "y".repeat(40_000) + "q>";
        String xml = "<packet><status>" + split + "</status><event><id>1</id><class>" + split + "</class></event>"
                + "<rich kind=\"k\"><text>" + split + "</text></rich></packet>";

        assertThat(events().list(body(xml), null)).containsExactly(new Event(1, whole));
        assertThat(statuses).containsExactly("packet=" + whole);
        JAXBContext rich = JAXBContext.newInstance(HugeTextNodeTest.Rich.class);
        assertThat(XmlElementStream.of(rich, "rich", HugeTextNodeTest.Rich.class, r -> r.text, "t").build()
                .list(body(xml), null)).containsExactly(whole);
    }

    @Test
    void refusesOversizedStatusText() {
        String xml = "<packet><status>" + "x".repeat(XmlElementStream.MAX_TEXT + 1) + "</status></packet>";
        assertThatThrownBy(() -> events().list(body(xml), null)).isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("short text");
    }

    @Test
    void streamsAHundredThousandElementsLazily() {
        GeneratedBody gen = GeneratedBody.of("<packet><result><status>ok</status>", 100_000,
                i -> "<event><id>" + i + "</id><class>c</class></event>", "\n", "</result></packet>");
        try (Stream<Event> s = events().stream(gen, null)) {
            Iterator<Event> it = s.iterator();
            assertThat(it.next().id()).isZero();
            assertThat(gen.bytesRead()).isLessThan(64 * 1024);
            long n = 1;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            assertThat(n).isEqualTo(100_000);
        }
    }
}
