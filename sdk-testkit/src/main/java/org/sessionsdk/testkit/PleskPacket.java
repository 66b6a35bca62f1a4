package org.sessionsdk.testkit;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sessionsdk.core.internal.xml.SecureXml;

/**
 * {@link PleskSimulator}'s wire: reading a request packet into its operations (whitespace-collapsed as
 * Plesk's {@code string} type is, with or without an XML declaration, pretty-printed or not), its
 * protocol version, and writing the answer's pieces ({@code result} blocks, the packet head, a
 * {@code system} error, an indented packet).
 */
final class PleskPacket {
    static final String DEFAULT_VERSION = "1.6.9.1";

    private PleskPacket() {
    }

    /**
     * One operation of a request packet: operator, operation, its leaf values (whitespace-collapsed), the
     * type/class pairs of {@code events}, and the keys of a {@code filter}. {@code element} tells
     * operator elements apart, so {@code <session><get/><get/></session>} is answered in one element.
     */
    record Request(String operator, String operation, int element, Map<String, String> values,
            List<String[]> filters, List<String> keys) {
        boolean is(String op) {
            return op.equals(operator + "/" + operation);
        }
    }

    /** The root's {@code version} when it is a well-formed one, else the simulator's default. */
    static String version(byte[] body) {
        try {
            XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            String v = r.getAttributeValue(null, "version");
            return v != null && v.matches("\\d{1,3}(\\.\\d{1,3}){1,3}") ? v : DEFAULT_VERSION;
        } catch (XMLStreamException | IllegalStateException e) {
            return DEFAULT_VERSION;
        }
    }

    static List<Request> parse(byte[] body) throws XMLStreamException {
        XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(body));
        List<String> path = new ArrayList<>();
        List<Request> ops = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String pendingType = null;
        int element = 0;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                path.add(r.getLocalName());
                text.setLength(0);
                if (path.size() == 1 && !"packet".equals(r.getLocalName())) {
                    throw new IllegalArgumentException("the root element is not <packet>");
                } else if (path.size() == 2) {
                    element++;
                } else if (path.size() == 3) {
                    ops.add(new Request(path.get(1), path.get(2), element, new LinkedHashMap<>(),
                            new ArrayList<>(), new ArrayList<>()));
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                text.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                String leaf = path.remove(path.size() - 1);
                String value = text.toString().strip().replaceAll("\\s+", " ");
                text.setLength(0);
                if (path.size() < 3 || value.isEmpty()) {
                    continue;
                }
                Request op = ops.get(ops.size() - 1);
                if (path.contains("events") && leaf.equals("type")) {
                    pendingType = value;
                } else if (path.contains("events") && leaf.equals("class")) {
                    op.filters().add(new String[] {pendingType, value});
                } else if (path.contains("filter") && leaf.equals("key")) {
                    op.keys().add(value);
                } else {
                    op.values().put(leaf, value);
                }
            }
        }
        if (ops.isEmpty()) {
            throw new IllegalArgumentException("no operation in the packet");
        }
        return ops;
    }

    static String head(String version) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"" + version + "\">";
    }

    static String ok(String inner) {
        return "<result><status>ok</status>" + inner + "</result>";
    }

    static String error(int code, String text, String after) {
        return "<result><status>error</status><errcode>" + code + "</errcode><errtext>" + SimData.xml(text)
                + "</errtext>" + after + "</result>";
    }

    /** A whole packet with a {@code system} error: Plesk's answer to a packet it will not run. */
    static String system(int code, String text) {
        return head(DEFAULT_VERSION) + "<system><status>error</status><errcode>"
                + code + "</errcode><errtext>" + SimData.xml(text) + "</errtext></system></packet>";
    }

    /** The packet with one element a line, two spaces a level; text-only elements stay on one line. */
    static String indent(String xml) {
        try {
            XMLStreamReader r = SecureXml.inputFactory().createXMLStreamReader(new java.io.StringReader(xml));
            StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
            StringBuilder text = new StringBuilder();
            int depth = 0;
            boolean childless = false;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    out.append('\n').append("  ".repeat(depth)).append('<').append(r.getLocalName());
                    for (int a = 0; a < r.getAttributeCount(); a++) {
                        out.append(' ').append(r.getAttributeLocalName(a)).append("=\"")
                                .append(SimData.xml(r.getAttributeValue(a))).append('"');
                    }
                    out.append('>');
                    depth++;
                    childless = true;
                    text.setLength(0);
                } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    if (!childless) {
                        out.append('\n').append("  ".repeat(depth));
                    } else {
                        out.append(SimData.xml(text.toString()));
                    }
                    out.append("</").append(r.getLocalName()).append('>');
                    childless = false;
                    text.setLength(0);
                }
            }
            return out.append('\n').toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the simulator wrote a packet it cannot read", e);
        }
    }
}
