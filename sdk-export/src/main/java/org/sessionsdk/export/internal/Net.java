package org.sessionsdk.export.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Addresses as the schemas want them: an IP only where the text is an IP literal, never a DNS lookup. */
final class Net {
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private Net() {
    }

    /** Whether the text is an IPv4 or IPv6 literal. */
    static boolean isIp(String s) {
        if (s == null || s.isEmpty() || s.length() > 45) {
            return false;
        }
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        if (s.indexOf(':') < 0 || !IPV6_CHARS.matcher(s).matches()) {
            return false;
        }
        try {
            // a text with ':' is parsed as an IPv6 literal: no name service is asked
            return InetAddress.getByName(s).getHostAddress() != null;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /**
     * A {@code host:port} (or {@code [v6]:port}, or a bare host) split in two.
     *
     * @return {host, port or null}
     */
    static String[] hostAndPort(String s) {
        if (s == null || s.isBlank()) {
            return new String[] {null, null};
        }
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close > 0) {
                String port = s.length() > close + 2 && s.charAt(close + 1) == ':' ? s.substring(close + 2) : null;
                return new String[] {s.substring(1, close), digits(port)};
            }
        }
        int colon = s.lastIndexOf(':');
        if (colon > 0 && s.indexOf(':') == colon) {
            return new String[] {s.substring(0, colon), digits(s.substring(colon + 1))};
        }
        return new String[] {s, null};
    }

    private static String digits(String p) {
        return p != null && p.matches("\\d{1,5}") && Integer.parseInt(p) <= 65535 ? p : null;
    }
}
