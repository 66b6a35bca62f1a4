package org.sessionsdk.plesk.internal.xml;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionsdk.core.error.ResponseFormatException;
import org.sessionsdk.core.testing.GeneratedBody;

/**
 * A 50 MB text node, streamed from a generator and never held, read under a 32 MB heap in a child
 * JVM: the reader stops at its text limit with a format error instead of buffering the node whole
 * and running out of memory. Every way text is read is tried: a text listener, a record's leaf
 * (read without JAXB) and an element JAXB unmarshals.
 */
class HugeTextNodeTest {
    private static final int KIB = 1024;
    private static final int NODE_KIB = 50 * KIB;

    @ParameterizedTest
    @ValueSource(strings = {"listener", "leaf", "jaxb"})
    @Timeout(120)
    void aFiftyMegabyteTextNodeIsAFormatErrorUnderA32MegabyteHeap(String mode) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), mode).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(out).contains("TYPED " + ResponseFormatException.class.getSimpleName())
                .contains("characters").doesNotContain("OutOfMemoryError");
        assertThat(p.exitValue()).as(out).isZero();
    }

    /** Not a record: JAXB needs the attribute, so this element is unmarshalled by JAXB. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static class Rich {
        @XmlAttribute
        String kind;
        String text;
    }

    /** The child JVM: parses the generated body and prints how it ended. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            String mode = args[0];
            String x = "x".repeat(KIB);
            try {
                JAXBContext ctx = JAXBContext.newInstance(XmlElementStreamTest.Ev.class, Rich.class);
                XmlElementStream<?> s;
                GeneratedBody body;
                switch (mode) {
                    case "listener" -> {
                        s = XmlElementStream.of(ctx, "event", XmlElementStreamTest.Ev.class, e -> e, "t")
                                .onText("status", (parents, text) -> { }).build();
                        body = GeneratedBody.of("<packet><status>", NODE_KIB, i -> x, "", "</status></packet>");
                    }
                    case "leaf" -> {
                        s = XmlElementStream.of(ctx, "event", XmlElementStreamTest.Ev.class, e -> e, "t").build();
                        body = GeneratedBody.of("<packet><event><id>1</id><class>", NODE_KIB, i -> x, "",
                                "</class></event></packet>");
                    }
                    default -> {
                        s = XmlElementStream.of(ctx, "rich", Rich.class, r -> r, "t").build();
                        body = GeneratedBody.of("<packet><rich kind=\"k\"><text>", NODE_KIB, i -> x, "",
                                "</text></rich></packet>");
                    }
                }
                List<?> got = s.list(body, null);
                System.out.println("READ " + got.size() + " after " + body.bytesRead() + " bytes");
                System.exit(2);
            } catch (ResponseFormatException e) {
                System.out.println("TYPED " + e.getClass().getSimpleName() + ": " + e.getMessage());
                System.exit(0);
            } catch (OutOfMemoryError e) {
                System.out.println("OutOfMemoryError");
                System.exit(3);
            } catch (RuntimeException e) {
                System.out.println("OTHER " + e);
                System.exit(4);
            }
        }
    }
}
