package org.sessionsdk.benchmarks.vendor;

/** Ekran's {@code GET /ekranapi/sessions}: a top-level JSON array. */
final class EkranWire implements WireFormat {
    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String prefix() {
        return "[";
    }

    @Override
    public String separator() {
        return ",";
    }

    @Override
    public String suffix() {
        return "]";
    }

    @Override
    public void appendRecord(StringBuilder sb, int i) {
        sb.append("{\"sessionId\":").append(i + 1)
                .append(",\"userId\":").append(i % 500)
                .append(",\"clientGuid\":\"");
        WireText.hex(sb, i, 8);
        sb.append("-4f1a-4114-a814-");
        WireText.hex(sb, i * 31L, 12);
        sb.append("\",\"loginDate\":\"");
        WireText.isoTime(sb, i, ".000+00:00");
        sb.append("\",\"logoutDate\":");
        if (i % 10 == 0) {
            sb.append("null");
        } else {
            sb.append('"');
            WireText.isoTime(sb, i + 600, ".000+00:00");
            sb.append('"');
        }
        sb.append('}');
    }
}
