package org.sessionsdk.core.internal;

import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.sessionsdk.core.observe.CallInfo;
import org.sessionsdk.core.observe.CallListener;
import org.sessionsdk.core.observe.CallStarted;
import org.sessionsdk.core.observe.FeedPolled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of one client (or feed), called so that none can break a call: an exception a
 * listener throws is caught and logged at WARN, once per listener; later ones are dropped silently.
 *
 * <p>SDK-internal. Thread-safe.
 */
public final class CallListeners {
    private static final Logger LOG = LoggerFactory.getLogger(CallListeners.class);
    private static final AtomicLong IDS = new AtomicLong();
    private static final CallListeners NONE = new CallListeners(List.of());

    private final List<Guarded> listeners;

    private CallListeners(List<CallListener> listeners) {
        this.listeners = listeners.stream().map(Guarded::new).toList();
    }

    /**
     * @param listeners the listeners, in the order they are called
     * @return them, guarded
     */
    public static CallListeners of(List<CallListener> listeners) {
        return listeners.isEmpty() ? NONE : new CallListeners(listeners);
    }

    /** {@return whether there are none: then calls skip every listener step} */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /**
     * Tells every listener a call starts.
     *
     * @param vendor the client's vendor
     * @param call   the call
     * @param uri    where it goes; only host and port are taken
     * @return the call's observation, to report its attempts and its end
     */
    public CallObservation start(String vendor, Call call, URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        CallInfo info = new CallInfo(IDS.incrementAndGet(), vendor, call.operation(), call.method(), uri.getHost(), port);
        CallObservation o = new CallObservation(info, this);
        each(l -> l.callStarted(new CallStarted(info)));
        return o;
    }

    /**
     * Tells every listener a feed polled.
     *
     * @param event the poll
     */
    public void feedPolled(FeedPolled event) {
        each(l -> l.feedPolled(event));
    }

    void each(Consumer<CallListener> event) {
        for (Guarded g : listeners) {
            try {
                event.accept(g.listener);
            } catch (RuntimeException | LinkageError e) {
                if (g.warned.compareAndSet(false, true)) {
                    LOG.warn("call listener {} threw {}; its failures are ignored from now on (and not logged again)",
                            g.listener.getClass().getName(), e.toString(), e);
                }
            }
        }
    }

    private static final class Guarded {
        final CallListener listener;
        final AtomicBoolean warned = new AtomicBoolean();

        Guarded(CallListener listener) {
            this.listener = listener;
        }
    }
}
