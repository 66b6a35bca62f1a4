package org.sessionsdk.benchmarks.vendor;

/** senhasegura's remote sessions: the array inside the {@code {code, response, remote_sessions}} envelope. */
final class SenhaseguraWire implements WireFormat {
    private static final String[] PROTOCOLS = {"rdp", "ssh", "https", "vnc"};

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String prefix() {
        return "{\"code\":200,\"response\":{\"status\":200,\"message\":\"\",\"error\":false,\"error_code\":0,"
                + "\"detail\":\"\",\"mensagem\":\"\",\"erro\":false,\"cod_erro\":0},\"remote_sessions\":[";
    }

    @Override
    public String separator() {
        return ",";
    }

    @Override
    public String suffix() {
        return "]}";
    }

    @Override
    public void appendRecord(StringBuilder sb, int i) {
        sb.append("{\"id\":\"").append(i + 1)
                .append("\",\"user\":\"user").append(i % 97)
                .append("\",\"origin_ip\":\"172.16.").append((i >> 8) & 255).append('.').append(i & 255)
                .append("\",\"credential\":\"usrdomadm").append(i % 50)
                .append("\",\"device\":\"10.66.33.").append(i % 250).append(":3389")
                .append("\",\"protocol\":\"").append(PROTOCOLS[i & 3])
                .append("\",\"proxy\":\"Web Proxy\",\"session_id\":\"");
        WireText.hex(sb, i, 20);
        WireText.hex(sb, i * 7L, 20);
        sb.append("\",\"start\":\"");
        WireText.sqlTime(sb, i);
        sb.append("\",\"end\":");
        if (i % 10 == 0) {
            sb.append("\"0000-00-00 00:00:00\"");
        } else {
            sb.append('"');
            WireText.sqlTime(sb, i + 172);
            sb.append('"');
        }
        sb.append(",\"time\":\"00:0").append((i / 60) % 10).append(':');
        WireText.two(sb, i % 60);
        sb.append("\",\"prevent_purge\":\"").append(i % 3 == 0 ? "Yes" : "No")
                .append("\",\"request\":null,\"ITSM\":null}");
    }
}
