package org.sessionsdk.benchmarks.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.internal.xml.SecureXml;
import org.sessionsdk.plesk.PleskSession;

/**
 * The per-call baseline for Plesk: {@code session/get} posted with a bare {@link HttpClient} and the
 * answer read by a careful StAX loop (the hardened factory, UTF-8 decoded by an {@code InputStreamReader},
 * {@code LocalDateTime.parse}) into the same {@link PleskSession} records.
 */
public final class BarePlesk implements AutoCloseable {
    /** The packet the SDK sends for {@code sessions().list()}. */
    public static final String PACKET =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><packet><session><get/></session></packet>";
    private static final XMLInputFactory XML = SecureXml.inputFactory();

    private final HttpClient http;
    private final HttpRequest request;

    public BarePlesk(URI endpoint) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.request = HttpRequest.newBuilder(endpoint.resolve("/enterprise/control/agent.php"))
                .timeout(Duration.ofSeconds(30))
                .header("KEY", "bench-secret-key")
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(PACKET)).build();
    }

    public List<PleskSession> list() throws IOException, InterruptedException {
        HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            if (r.statusCode() != 200) {
                throw new IOException("HTTP " + r.statusCode());
            }
            return parse(in);
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** The StAX loop alone: {@code <result><status>ok</status><session>...</session>...</result>}. */
    public static List<PleskSession> parse(InputStream in) throws XMLStreamException {
        XMLStreamReader x = XML.createXMLStreamReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<PleskSession> out = new ArrayList<>();
        String status = null;
        try {
            while (x.hasNext()) {
                if (x.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = x.getLocalName();
                if (name.equals("status")) {
                    status = x.getElementText().trim();
                } else if (name.equals("session") && status != null) {
                    out.add(session(x));
                }
            }
        } finally {
            x.close();
        }
        if (!"ok".equals(status)) {
            throw new XMLStreamException("Plesk result status " + status);
        }
        return out;
    }

    private static PleskSession session(XMLStreamReader x) throws XMLStreamException {
        String id = null;
        String type = null;
        String ip = null;
        String login = null;
        LocalDateTime loginTime = null;
        LocalDateTime idle = null;
        while (x.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = x.getLocalName();
            String text = x.getElementText();
            switch (name) {
                case "id" -> id = text;
                case "type" -> type = text;
                case "ip-address" -> ip = text;
                case "login" -> login = text;
                case "login-time" -> loginTime = LocalDateTime.parse(text.trim());
                case "idle" -> idle = LocalDateTime.parse(text.trim());
                default -> { }
            }
        }
        return new PleskSession(id, type, ip, login, loginTime, idle);
    }

    /** A {@code session/get} answer with {@code n} open sessions. */
    public static byte[] sessionsBody(int n) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\">"
                + "<session><get><result><status>ok</status>");
        for (int i = 0; i < n; i++) {
            b.append("<session><id>").append(String.format("%032x", 0xabcdef12345L + i)).append("</id>")
                    .append("<type>").append(i % 3 == 0 ? "admin" : "client").append("</type>")
                    .append("<ip-address>192.0.2.").append(i % 250 + 1).append("</ip-address>")
                    .append("<login>user").append(i).append("</login>")
                    .append("<login-time>2026-11-30T").append(String.format("%02d:%02d:00", i % 24, i % 60))
                    .append("</login-time><idle>2026-11-30T").append(String.format("%02d:%02d:42", i % 24, i % 60))
                    .append("</idle></session>");
        }
        b.append("</result></get></session></packet>");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient is closeable only from Java 21; its threads are daemons
    }
}
