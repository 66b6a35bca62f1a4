package org.sessionsdk.core.client;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every vendor client has in common: its vendor, its server, the zone its server writes times in,
 * a {@code toString()} that names the server and never a secret, and a {@code close()} that releases
 * what the client holds. Vendor clients extend it and add their own resources and operations.
 */
public abstract class AbstractSessionClient implements SessionClient {
    private final String vendor;
    private final URI endpoint;
    private final ZoneId serverZone;
    private final Runnable release;

    /**
     * Creates one from its parts.
     *
     * @param vendor     the vendor's name, as its provider says it
     * @param endpoint   the server's base URI
     * @param serverZone the zone the server writes offset-less times in
     * @param release    releases the client's connections and threads; called once by {@link #close()}
     */
    protected AbstractSessionClient(String vendor, URI endpoint, ZoneId serverZone, Runnable release) {
        this.vendor = Objects.requireNonNull(vendor, "vendor");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.serverZone = Objects.requireNonNull(serverZone, "serverZone");
        this.release = Objects.requireNonNull(release, "release");
    }

    @Override
    public final String vendor() {
        return vendor;
    }

    /** {@return the server's base URI, without the vendor's API path} */
    @Override
    public final URI endpoint() {
        return endpoint;
    }

    /** {@return the zone the server writes (and reads) times without an offset in; UTC by default} */
    @Override
    public ZoneId serverZone() {
        return serverZone;
    }

    /** {@return the client's type and server, e.g. {@code PleskClient[endpoint=https://panel:8443]}; never a secret} */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[endpoint=" + endpoint + "]";
    }

    /** Releases the client's connections and threads. */
    @Override
    public void close() {
        release.run();
    }
}
