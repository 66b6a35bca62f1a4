package org.sessionsdk.kafka;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigException;

/**
 * One entry of {@value SessionSourceConfig#ENDPOINTS}: {@code name=url}, or a plain URL named by
 * itself. Per-endpoint settings ({@code sessionsdk.endpoint.<name>.<key>}) and the source partition
 * go by the name, so inserting or reordering endpoints changes nothing for the others.
 *
 * @param name what per-endpoint settings and the source partition use
 * @param url  the server's base URI, as configured
 */
public record NamedEndpoint(String name, String url) {
    /** A name: letters, digits, {@code _} and {@code -}, so it reads the same inside a setting's key. */
    private static final Pattern NAMED = Pattern.compile("([A-Za-z0-9][A-Za-z0-9_-]*)=(.+)");

    /**
     * Reads the configured entries.
     *
     * @param key     the setting they come from, for errors
     * @param entries {@code name=url} or plain URL entries
     * @return the endpoints, in the configured order
     * @throws ConfigException for an empty list, a bad URI, or a name or URL listed twice
     */
    public static List<NamedEndpoint> parse(String key, List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            throw new ConfigException(key, entries, "at least one endpoint is required");
        }
        List<NamedEndpoint> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (String raw : entries) {
            String e = raw.trim();
            Matcher m = NAMED.matcher(e);
            NamedEndpoint ep = m.matches() ? new NamedEndpoint(m.group(1), m.group(2).trim()) : new NamedEndpoint(e, e);
            check(key, ep.url());
            if (!names.add(ep.name())) {
                throw new ConfigException(key, e, "the name " + ep.name() + " is listed twice");
            }
            if (!urls.add(ep.url())) {
                throw new ConfigException(key, e, "an endpoint is listed twice");
            }
            out.add(ep);
        }
        return out;
    }

    private static void check(String key, String url) {
        try {
            URI u = URI.create(url);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new ConfigException(key, url, "not an http or https URI with a host (entries are URL or name=URL)");
            }
            if (u.getUserInfo() != null) {
                throw new ConfigException(key, "(hidden)", "credentials do not belong in the URI");
            }
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(key, url, "not a URI: " + ex.getMessage());
        }
    }

    /** {@return the prefix of this endpoint's own settings} */
    public String settingsPrefix() {
        return SessionSourceConfig.ENDPOINT_PREFIX + name + ".";
    }
}
