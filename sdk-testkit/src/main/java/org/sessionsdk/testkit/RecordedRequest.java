package org.sessionsdk.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request as a simulator received it, for tests that assert on what a client sent. Header
 * values that carry credentials are masked ({@code Bearer ****}, {@code ****}); the body is kept as
 * sent, so keep secrets out of request bodies you assert on.
 *
 * @param method  the HTTP method
 * @param path    the path, decoded, without the query
 * @param query   the query parameters, decoded
 * @param headers the headers, names in the JDK server's form, credential values masked
 * @param body    the body as UTF-8 text; empty for none
 */
public record RecordedRequest(String method, String path, Map<String, String> query,
                              Map<String, List<String>> headers, String body) {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "key", "http_auth_passwd", "apikey", "x-api-key");

    /**
     * Copies what it is given; the maps it returns cannot be changed.
     *
     * @param method  the HTTP method
     * @param path    the path, decoded, without the query
     * @param query   the query parameters, decoded
     * @param headers the headers, credential values already masked
     * @param body    the body as UTF-8 text
     */
    public RecordedRequest {
        query = Map.copyOf(query);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(h);
    }

    /**
     * The first value of a header, any case, or null.
     *
     * @param name the header name
     * @return its first (masked, if secret) value, or null
     */
    public String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The journal's form of a header: credential values masked, an {@code Authorization} scheme kept.
     *
     * @param name  the header name
     * @param value what was sent
     * @return what the journal keeps
     */
    static String mask(String name, String value) {
        String n = name.toLowerCase(Locale.ROOT);
        if (!SECRET_HEADERS.contains(n) && !n.contains("secret") && !n.contains("token") && !n.contains("passw")) {
            return value;
        }
        int space = value.indexOf(' ');
        return n.endsWith("authorization") && space > 0 ? value.substring(0, space) + " ****" : "****";
    }
}
