package org.sessionsdk.benchmarks.vendor;

/** SAYMON's {@code GET /node/api/users/session/log}: a top-level JSON array, paged with skip and limit. */
final class SaymonWire implements WireFormat {
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
    public boolean pagedBySkipAndLimit() {
        return true;
    }

    @Override
    public void appendRecord(StringBuilder sb, int i) {
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
        WireText.hex(sb, i % 500, 4);
        sb.append("\",\"login\":\"user").append(i % 97)
                .append("\",\"id\":\"62725dc8bad9");
        WireText.hex(sb, i, 12);
        sb.append("\"}");
    }
}
