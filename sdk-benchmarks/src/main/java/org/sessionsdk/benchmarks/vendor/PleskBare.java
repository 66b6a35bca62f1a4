package org.sessionsdk.benchmarks.vendor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
final class PleskBare implements BareClient {
    /** The packet the SDK sends for {@code sessions().list()}. */
    static final String PACKET =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><packet><session><get/></session></packet>";
    private static final XMLInputFactory XML = SecureXml.inputFactory();

    private final HttpClient http;
    private final HttpRequest request;

    PleskBare(URI endpoint, Executor executor) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        this.http = (executor == null ? b : b.executor(executor)).build();
        this.request = HttpRequest.newBuilder(endpoint.resolve("/enterprise/control/agent.php"))
                .timeout(Duration.ofSeconds(30))
                .header("KEY", PleskBench.SECRET_KEY)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(PACKET)).build();
    }

    @Override
    public List<PleskSession> list() throws IOException, InterruptedException {
        return read(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    @Override
    public CompletableFuture<List<PleskSession>> listAsync() {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(r -> {
            try {
                return read(r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<PleskSession> read(HttpResponse<InputStream> r) throws IOException {
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
    static List<PleskSession> parse(InputStream in) throws XMLStreamException {
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
}
