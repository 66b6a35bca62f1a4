package org.sessionsdk.benchmarks.vendor;

import java.nio.charset.StandardCharsets;

/**
 * Plesk's {@code event_log/get_events} answer, {@code <packet>...<result><status>ok</status><event>...},
 * and for the session list its {@code session/get} answer.
 */
final class PleskWire implements WireFormat {
    private static final String[] EVENT_TYPES = {"created", "updated", "deleted", "status_changed"};
    private static final String[] EVENT_CLASSES = {"client", "domain", "mailname", "dns_zone"};

    @Override
    public String contentType() {
        return "text/xml; charset=UTF-8";
    }

    @Override
    public String prefix() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\">\n  <event_log>\n    <get_events>\n"
                + "      <result>\n        <status>ok</status>\n";
    }

    @Override
    public String separator() {
        return "";
    }

    @Override
    public String suffix() {
        return "      </result>\n    </get_events>\n  </event_log>\n</packet>\n";
    }

    @Override
    public void appendRecord(StringBuilder sb, int i) {
        sb.append("        <event>\n          <id>").append(i + 1)
                .append("</id>\n          <type>").append(EVENT_TYPES[i & 3])
                .append("</type>\n          <time>").append(1_165_055_109L + i)
                .append("</time>\n          <class>").append(EVENT_CLASSES[(i >> 2) & 3])
                .append("</class>\n          <obj_id>site").append(i % 10_007).append(".example.com")
                .append("</obj_id>\n          <user>user").append(i % 97)
                .append("</user>\n          <host>192.168.").append((i >> 8) & 255).append('.').append(i & 255)
                .append("</host>\n        </event>\n");
    }

    /** A {@code session/get} answer with {@code n} open sessions. */
    @Override
    public byte[] sessionListBody(int n) {
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
}
