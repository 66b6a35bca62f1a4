package org.sessionsdk.testkit;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import static org.sessionsdk.testkit.PleskPacket.system;

/**
 * {@code POST /enterprise/control/agent.php} of {@link PleskSimulator}: checks the credentials, reads
 * and validates the whole packet, then answers every operation in order, in the protocol version the
 * packet asked for. The operation table is here: a new operator gets its line in {@link #OPERATIONS}
 * and in {@link #answer}.
 */
final class PleskAgent {
    static final String PATH = "/enterprise/control/agent.php";
    private static final Set<String> OPERATIONS = Set.of("session/get", "session/terminate", "server/create_session",
            "server/get_protos",
            "event_log/get_events", "event_log/get-last-id", "event_log/get", "secret_key/create",
            "secret_key/get_info", "secret_key/delete");

    private final PleskSimulator sim;
    private final PleskKeys keys;
    private final PleskSessions sessions;
    private final PleskActionLog log;
    private final PleskPanelProfile profile;

    PleskAgent(PleskSimulator sim, PleskKeys keys, PleskSessions sessions, PleskActionLog log, PleskPanelProfile profile) {
        this.sim = sim;
        this.profile = profile;
        this.keys = keys;
        this.sessions = sessions;
        this.log = log;
    }

    void handle(SimExchange ex) throws IOException {
        String authError = keys.checkAuth(ex);
        if (authError != null) {
            packet(ex, authError);
            return;
        }
        List<PleskPacket.Request> ops;
        try {
            ops = PleskPacket.parse(ex.body());
        } catch (XMLStreamException | RuntimeException e) {
            packet(ex, system(1014, "Parser error: Request is invalid. " + e.getMessage()));
            return;
        }
        // the whole packet is checked before anything runs, as Plesk validates it against its schema
        for (PleskPacket.Request r : ops) {
            String invalid = invalid(r);
            if (invalid != null) {
                packet(ex, system(1014, "Parser error: Request is invalid. " + invalid));
                return;
            }
        }
        String asked = PleskPanelProfile.versionAttribute(ex.body());
        String[] refused = profile.refusal(asked, ops.stream().map(PleskPacket.Request::operator).toList());
        if (refused != null) {
            packet(ex, system(Integer.parseInt(refused[0]), refused[1]));
            return;
        }
        String role = profile.roleOf(keys.loginOf(ex));
        // Plesk answers in the protocol version the request asked for, else its newest
        String head = PleskPacket.head(asked != null ? PleskPacket.version(ex.body()) : profile.newest());
        if (ops.size() == 1 && ops.get(0).is("event_log/get_events")) {
            ex.respondStreaming(200, sim.contentType(), out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write(head);
                answer(ops, w, role);
                w.write("</packet>\n");
                w.flush();
            });
            return;
        }
        StringWriter w = new StringWriter();
        w.write(head);
        answer(ops, w, role);
        w.write("</packet>");
        packet(ex, w.toString());
    }

    /**
     * Answers a whole packet, indented when the request asks {@code HTTP_PRETTY_PRINT: TRUE} (as
     * Plesk's own PHP client does). The streamed {@code get_events} answer is written as it is made,
     * one event a line, either way.
     */
    private void packet(SimExchange ex, String xml) throws IOException {
        String pretty = ex.header("HTTP_PRETTY_PRINT");
        ex.respond(200, sim.contentType(), pretty != null && pretty.strip().equalsIgnoreCase("true")
                ? PleskPacket.indent(xml) : xml);
    }

    /** A schema violation in one operation, or null. */
    private static String invalid(PleskPacket.Request r) {
        if (!OPERATIONS.contains(r.operator() + "/" + r.operation())) {
            return "unknown operator " + r.operator() + "/" + r.operation();
        }
        if (r.is("session/terminate") && !r.values().containsKey("session-id")) {
            return "Element 'terminate': Missing child element(s). Expected is ( session-id ).";
        }
        if (r.is("server/create_session") && !r.values().containsKey("login")) {
            return "Element 'create_session': Missing child element(s). Expected is ( login ).";
        }
        String lastId = r.values().get("lastId");
        if (r.is("event_log/get_events") && lastId != null && !lastId.matches("0*[1-9][0-9]{0,17}")) {
            return "Element 'lastId': '" + lastId + "' is not a valid value of the atomic type 'id_type'.";
        }
        return null;
    }

    /** One top-level element per run of operations of one operator, in the packet's order. */
    private void answer(List<PleskPacket.Request> ops, Writer w, String role) throws IOException {
        for (int i = 0; i < ops.size(); i++) {
            PleskPacket.Request r = ops.get(i);
            if (i == 0 || ops.get(i - 1).element() != r.element()) {
                w.write("<" + r.operator() + ">");
            }
            w.write("<" + r.operation() + ">");
            String op = r.operator() + "/" + r.operation();
            if (!role.equals("admin") && PleskPanelProfile.adminOnly(op)) {
                // the administrator's only; errtext in the panel's language
                w.write(PleskPacket.error(1006, "Zugriff verweigert", ""));
                op = "answered";
            }
            switch (op) {
                case "answered" -> { }
                case "server/get_protos" -> w.write(PleskPacket.ok(profile.protosXml()));
                case "session/get" -> w.write(sessions.get());
                case "session/terminate" -> w.write(sessions.terminate(r.values().get("session-id")));
                case "server/create_session" -> w.write(sessions.create(r));
                case "event_log/get_events" -> log.events(w, r);
                case "event_log/get-last-id" -> {
                    long last = log.lastId();
                    w.write(PleskPacket.ok(last == 0 ? "" : "<id>" + last + "</id>"));
                }
                case "event_log/get" -> w.write(log.objectEvents(r));
                case "secret_key/create" -> w.write(keys.create(r));
                case "secret_key/get_info" -> w.write(keys.info(r));
                case "secret_key/delete" -> w.write(keys.delete(r));
                default -> throw new IllegalStateException("checked before: " + r.operation());
            }
            w.write("</" + r.operation() + ">");
            if (i == ops.size() - 1 || ops.get(i + 1).element() != r.element()) {
                w.write("</" + r.operator() + ">");
            }
        }
    }
}
