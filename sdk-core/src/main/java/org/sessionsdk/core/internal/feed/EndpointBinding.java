package org.sessionsdk.core.internal.feed;

import java.net.URI;
import java.util.Locale;
import org.sessionsdk.core.feed.Checkpoint;
import org.sessionsdk.core.feed.FeedOptions;

/**
 * Binds a feed's checkpoints to the endpoint it reads, so one server's position is never silently
 * applied to another (a cursor of panel A resumed on panel B skips or repeats B's log).
 */
public final class EndpointBinding {
    private EndpointBinding() {
    }

    /**
     * The endpoint's stable form: scheme and host in lower case, the port always written, the path
     * without a trailing slash; never user info, query or fragment, so never a secret.
     *
     * @param endpoint the client's endpoint, or null
     * @return e.g. {@code https://panel.example.com:8443}, or null for none
     */
    public static String of(URI endpoint) {
        if (endpoint == null || endpoint.getScheme() == null || endpoint.getHost() == null) {
            return null;
        }
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        int port = endpoint.getPort() >= 0 ? endpoint.getPort()
                : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + endpoint.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path;
    }

    /**
     * Checks that the checkpoint the options resume from was written for this endpoint.
     *
     * @param options  the feed's options
     * @param endpoint this feed's endpoint, as {@link #of} gave; null when the source has none
     * @throws IllegalArgumentException if the checkpoint names another endpoint and the options do
     *     not accept that
     */
    public static void check(FeedOptions options, String endpoint) {
        Checkpoint cp = options.resumeFrom();
        // a checkpoint without an endpoint predates the binding: accepted, and bound from the next poll on
        if (cp == null || cp.endpoint() == null || endpoint == null || cp.endpoint().equals(endpoint)
                || options.acceptCheckpointFromOtherEndpoint()) {
            return;
        }
        throw new IllegalArgumentException("this checkpoint was written by a feed of " + cp.endpoint()
                + ", not of " + endpoint + ": resume each server's feed from its own checkpoint; if the server"
                + " really moved to this endpoint, build the options with acceptCheckpointFromOtherEndpoint(true)");
    }
}
