package org.sessionsdk.benchmarks.support;

import java.util.Locale;

/**
 * The four list responses the benchmarks parse, each generated from a record index so a body of any
 * length can be produced on the fly (never held) or materialised once (held in memory). The shapes
 * follow the vendors' documented samples (see each module's tests); values vary with the index.
 */
public enum Vendor {
    /** Plesk {@code event_log/get_events}: {@code <packet>...<result><status>ok</status><event>...}. */
    PLESK("text/xml; charset=UTF-8",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<packet version=\"1.6.9.1\">\n  <event_log>\n    <get_events>\n"
                    + "      <result>\n        <status>ok</status>\n",
            "",
            "      </result>\n    </get_events>\n  </event_log>\n</packet>\n"),
    /** Ekran {@code GET /ekranapi/sessions}: a top-level JSON array. */
    EKRAN("application/json", "[", ",", "]"),
    /** SAYMON {@code GET /node/api/users/session/log}: a top-level JSON array (one page). */
    SAYMON("application/json", "[", ",", "]"),
    /** senhasegura remote sessions: the array inside the {@code {code, response, remote_sessions}} envelope. */
    SENHASEGURA("application/json",
            "{\"code\":200,\"response\":{\"status\":200,\"message\":\"\",\"error\":false,\"error_code\":0,"
                    + "\"detail\":\"\",\"mensagem\":\"\",\"erro\":false,\"cod_erro\":0},\"remote_sessions\":[",
            ",", "]}");

    private final String contentType;
    private final String prefix;
    private final String separator;
    private final String suffix;

    Vendor(String contentType, String prefix, String separator, String suffix) {
        this.contentType = contentType;
        this.prefix = prefix;
        this.separator = separator;
        this.suffix = suffix;
    }

    public String contentType() {
        return contentType;
    }

    public String prefix() {
        return prefix;
    }

    public String separator() {
        return separator;
    }

    public String suffix() {
        return suffix;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Vendor of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Appends record {@code i} (without separator). */
    public void append(StringBuilder sb, int i) {
        switch (this) {
            case PLESK -> plesk(sb, i);
            case EKRAN -> ekran(sb, i);
            case SAYMON -> saymon(sb, i);
            case SENHASEGURA -> senhasegura(sb, i);
            default -> throw new AssertionError(this);
        }
    }

    /** The whole body of {@code count} records, materialised (for the in-memory benchmarks). */
    public byte[] body(int count) {
        try (GeneratedBody g = new GeneratedBody(this, 0, count)) {
            return g.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Roughly how many bytes one record takes (a sample of the first few hundred). */
    public double bytesPerRecord() {
        StringBuilder sb = new StringBuilder();
        int n = 512;
        for (int i = 0; i < n; i++) {
            append(sb, 1_000_000 + i);
            sb.append(separator);
        }
        return (double) sb.length() / n;
    }

    // ---- record shapes ----

    private static final String[] EVENT_TYPES = {"created", "updated", "deleted", "status_changed"};
    private static final String[] EVENT_CLASSES = {"client", "domain", "mailname", "dns_zone"};
    private static final String[] PROTOCOLS = {"rdp", "ssh", "https", "vnc"};

    private static void plesk(StringBuilder sb, int i) {
        sb.append("        <event>\n          <id>").append(i + 1)
                .append("</id>\n          <type>").append(EVENT_TYPES[i & 3])
                .append("</type>\n          <time>").append(1_165_055_109L + i)
                .append("</time>\n          <class>").append(EVENT_CLASSES[(i >> 2) & 3])
                .append("</class>\n          <obj_id>site").append(i % 10_007).append(".example.com")
                .append("</obj_id>\n          <user>user").append(i % 97)
                .append("</user>\n          <host>192.168.").append((i >> 8) & 255).append('.').append(i & 255)
                .append("</host>\n        </event>\n");
    }

    private static void ekran(StringBuilder sb, int i) {
        sb.append("{\"sessionId\":").append(i + 1)
                .append(",\"userId\":").append(i % 500)
                .append(",\"clientGuid\":\"");
        hex(sb, i, 8);
        sb.append("-4f1a-4114-a814-");
        hex(sb, i * 31L, 12);
        sb.append("\",\"loginDate\":\"");
        isoTime(sb, i, ".000+00:00");
        sb.append("\",\"logoutDate\":");
        if (i % 10 == 0) {
            sb.append("null");
        } else {
            sb.append('"');
            isoTime(sb, i + 600, ".000+00:00");
            sb.append('"');
        }
        sb.append('}');
    }

    private static void saymon(StringBuilder sb, int i) {
        long start = 1_651_662_280_161L + i * 1000L;
        sb.append("{\"startTime\":").append(start)
                .append(",\"endTime\":");
        if (i % 10 == 0) {
            sb.append("null");
        } else {
            sb.append(start + 600_000);
        }
        sb.append(",\"expiredAt\":").append(start + 9_539_817)
                .append(",\"userId\":\"5f5f420005a91e683e10");
        hex(sb, i % 500, 4);
        sb.append("\",\"login\":\"user").append(i % 97)
                .append("\",\"id\":\"62725dc8bad9");
        hex(sb, i, 12);
        sb.append("\"}");
    }

    private static void senhasegura(StringBuilder sb, int i) {
        sb.append("{\"id\":\"").append(i + 1)
                .append("\",\"user\":\"user").append(i % 97)
                .append("\",\"origin_ip\":\"172.16.").append((i >> 8) & 255).append('.').append(i & 255)
                .append("\",\"credential\":\"usrdomadm").append(i % 50)
                .append("\",\"device\":\"10.66.33.").append(i % 250).append(":3389")
                .append("\",\"protocol\":\"").append(PROTOCOLS[i & 3])
                .append("\",\"proxy\":\"Web Proxy\",\"session_id\":\"");
        hex(sb, i, 20);
        hex(sb, i * 7L, 20);
        sb.append("\",\"start\":\"");
        sqlTime(sb, i);
        sb.append("\",\"end\":");
        if (i % 10 == 0) {
            sb.append("\"0000-00-00 00:00:00\"");
        } else {
            sb.append('"');
            sqlTime(sb, i + 172);
            sb.append('"');
        }
        sb.append(",\"time\":\"00:0").append((i / 60) % 10).append(':');
        two(sb, i % 60);
        sb.append("\",\"prevent_purge\":\"").append(i % 3 == 0 ? "Yes" : "No")
                .append("\",\"request\":null,\"ITSM\":null}");
    }

    /** 2024-05-dd hh:mm:ss from a second count (within 28 days). */
    private static void sqlTime(StringBuilder sb, int s) {
        sb.append("2024-05-");
        two(sb, 1 + (s / 86_400) % 28);
        sb.append(' ');
        clock(sb, s);
    }

    private static void isoTime(StringBuilder sb, int s, String tail) {
        sb.append("2024-05-");
        two(sb, 1 + (s / 86_400) % 28);
        sb.append('T');
        clock(sb, s);
        sb.append(tail);
    }

    private static void clock(StringBuilder sb, int s) {
        two(sb, (s / 3600) % 24);
        sb.append(':');
        two(sb, (s / 60) % 60);
        sb.append(':');
        two(sb, s % 60);
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static void hex(StringBuilder sb, long v, int digits) {
        for (int d = digits - 1; d >= 0; d--) {
            sb.append(HEX[(int) ((v >>> (4 * (d % 16))) & 15)]);
        }
    }
}
