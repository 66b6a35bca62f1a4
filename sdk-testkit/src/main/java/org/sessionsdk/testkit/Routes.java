package org.sessionsdk.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A vendor's route table: which paths it serves, with which methods, and what answers each. A path
 * served with another method gets the vendor's "method not allowed"; a path nobody serves goes to the
 * vendor's "not found", or the engine's 404.
 */
final class Routes {
    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        void handle(SimExchange ex) throws IOException;
    }

    /** Answers a request whose path is served, but not with its method. */
    @FunctionalInterface
    interface WrongMethod {
        void handle(SimExchange ex, String allowed) throws IOException;
    }

    private record Route(String method, Predicate<String> path, Handler handler) {
    }

    private final List<Route> routes = new ArrayList<>();
    private WrongMethod wrongMethod = (ex, allowed) -> {
        ex.responseHeader("Allow", allowed);
        ex.respond(405, "text/plain", "use " + allowed);
    };
    private Handler notFound = ex -> {
        // nothing answered: the engine's 404
    };

    /** This path exactly. */
    static Predicate<String> exact(String path) {
        return path::equals;
    }

    /** This path, with or without a trailing slash. */
    static Predicate<String> slashed(String path) {
        return p -> p.equals(path) || p.equals(path + "/");
    }

    /** This path and everything below it. */
    static Predicate<String> under(String path) {
        return p -> p.equals(path) || p.startsWith(path + "/");
    }

    /** Only what lies below this path (an id after it). */
    static Predicate<String> below(String path) {
        return p -> p.startsWith(path + "/");
    }

    /**
     * Serves the paths {@code path} accepts with {@code method} (null: any method; the handler checks).
     *
     * @return this table
     */
    Routes on(String method, Predicate<String> path, Handler handler) {
        routes.add(new Route(method, path, handler));
        return this;
    }

    Routes onWrongMethod(WrongMethod answer) {
        this.wrongMethod = answer;
        return this;
    }

    Routes onNotFound(Handler answer) {
        this.notFound = answer;
        return this;
    }

    /** Answers by the first route whose path and method match. */
    void serve(SimExchange ex) throws IOException {
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            if (r.path().test(ex.path())) {
                if (r.method() == null || r.method().equals(ex.method())) {
                    r.handler().handle(ex);
                    return;
                }
                allowed.add(r.method());
            }
        }
        if (allowed.isEmpty()) {
            notFound.handle(ex);
        } else {
            wrongMethod.handle(ex, String.join(", ", allowed));
        }
    }
}
