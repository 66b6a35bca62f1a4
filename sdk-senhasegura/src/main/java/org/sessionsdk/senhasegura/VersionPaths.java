package org.sessionsdk.senhasegura;

import java.util.ArrayList;
import java.util.List;
import org.sessionsdk.core.error.NotFoundException;

/**
 * Where one resource lives on this server, when versions of senhasegura put it at different paths: the
 * path the user set (then only that one), or the documented paths in order until one answers, that
 * one being remembered for the client's later calls. Only a "not found" moves on to the next path;
 * once a path has answered, its "not found" is the answer.
 *
 * <p>Thread-safe: two first calls may both probe; both remember the same path.
 */
final class VersionPaths {
    /** What a call does at one path; throws {@link NotFoundException} when nothing answers there. */
    @FunctionalInterface
    interface AtPath<T> {
        T call(String path);
    }

    private final String name;
    private final String setting;
    private final List<String> documented;
    private final boolean explicit;
    private volatile String answered;

    /**
     * @param name       what the paths are for, in messages (e.g. {@code remote sessions})
     * @param setting    the builder method that fixes the path, in messages
     * @param explicit   the path the user set, or null to detect it
     * @param documented the documented paths, newest first
     */
    VersionPaths(String name, String setting, String explicit, List<String> documented) {
        this.name = name;
        this.setting = setting;
        this.explicit = explicit != null;
        this.documented = explicit != null ? List.of(explicit) : List.copyOf(documented);
        this.answered = explicit;
    }

    /** {@return the path in use: the set or detected one, else the newest documented} */
    String current() {
        String a = answered;
        return a != null ? a : documented.get(0);
    }

    /** {@return the path set or found to answer, or null while undetected} */
    String answered() {
        return answered;
    }

    /** {@return whether the user set the path} */
    boolean explicit() {
        return explicit;
    }

    /**
     * Runs {@code call} at the path in use; while the path is unknown, at each documented path in turn
     * (those starting with {@code preferPrefix} first) until one does not answer "not found", and
     * remembers that one when {@code remember} accepts the result.
     *
     * @param preferPrefix a path prefix to try first ({@code /iso} when the list answered there), or null
     * @param call         the call at one path
     * @param notFoundHint what the first "not found" says when every path was tried, before the paths
     */
    <T> T call(String preferPrefix, AtPath<T> call, String notFoundHint) {
        String known = answered;
        if (known != null) {
            return call.call(known);
        }
        List<String> order = order(preferPrefix);
        NotFoundException first = null;
        for (String path : order) {
            try {
                T result = call.call(path);
                answered = path;
                return result;
            } catch (NotFoundException e) {
                String at = e.details().path();
                if (at == null || !at.contains(path)) {
                    throw e; // not about this path (the endpoint's base path may come before it): the token endpoint, say
                }
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        // the newest path's answer, which names what the server said there, with every path tried
        NotFoundException all = new NotFoundException(first.details().withHint(notFoundHint + "this server version "
                + "uses another path: tried the documented " + name + " paths " + String.join(", ", order) + "; set "
                + setting + "(...) if it has another"));
        for (Throwable t : first.getSuppressed()) {
            all.addSuppressed(t);
        }
        throw all;
    }

    private List<String> order(String preferPrefix) {
        if (preferPrefix == null) {
            return documented;
        }
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String p : documented) {
            (p.startsWith(preferPrefix + "/") ? first : rest).add(p);
        }
        first.addAll(rest);
        return first;
    }
}
