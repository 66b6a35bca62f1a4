package org.sessionsdk.core.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's request log. DEBUG: one line per attempt (method, path, status, millis, attempt); never a
 * query string. TRACE: headers, where only names on an allow-list show their value and everything
 * else prints as {@code [redacted]}: a new secret header is safe by construction.
 */
public final class HttpLog {
    static final Logger LOG = LoggerFactory.getLogger("org.sessionsdk.http");
    static final String REDACTED = "[redacted]";

    private static final Set<String> ALLOWED = names("Accept", "Accept-Encoding", "Cache-Control",
            "Connection", "Content-Encoding", "Content-Length", "Content-Type", "Date", "ETag", "Keep-Alive",
            "Retry-After", "Server", "Transfer-Encoding", "User-Agent", "Vary", "X-Request-Id", "Request-Id",
            "X-Correlation-Id", "HTTP_PRETTY_PRINT", ":status");

    private final Set<String> extraRedacted;

    public HttpLog(Set<String> extraRedacted) {
        this.extraRedacted = names(extraRedacted.toArray(String[]::new));
    }

    public boolean traceEnabled() {
        return LOG.isTraceEnabled();
    }

    public void sent(String method, String path, int attempt, Map<String, List<String>> headers) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} attempt {} request headers {}", method, path, attempt, render(headers));
        }
    }

    public void received(String method, String path, int status, long millis, int attempt,
                         Map<String, List<String>> headers) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} in {} ms (attempt {})", method, path, status, millis, attempt);
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} attempt {} response headers {}", method, path, attempt, render(headers));
        }
    }

    public void failed(String method, String path, long millis, int attempt, String reason) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> failed in {} ms (attempt {}): {}", method, path, millis, attempt, reason);
        }
    }

    public void retrying(String method, String path, int attempt, long delayMillis) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} retrying in {} ms (attempt {} next)", method, path, delayMillis, attempt + 1);
        }
    }

    /** Headers as {@code {Name: value, Secret: [redacted]}}. */
    public String render(Map<String, List<String>> headers) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            String name = h.getKey();
            sb.append(name).append(": ");
            boolean show = ALLOWED.contains(name) && !extraRedacted.contains(name);
            sb.append(show ? String.join(",", h.getValue()) : REDACTED);
        }
        return sb.append('}').toString();
    }

    private static Set<String> names(String... names) {
        Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        s.addAll(List.of(names));
        return s;
    }
}
