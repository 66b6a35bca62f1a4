package org.sessionsdk.core.http;

import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.sessionsdk.core.internal.concurrent.SdkExecutors;

/**
 * The JDK clients behind {@link JdkHttpTransport}s, one per distinct set of settings, counted by the
 * transports using them. Proxy and TLS context compare by identity: two contexts built alike are still
 * two clients.
 */
final class SharedClients {
    /** The settings a JDK client is built from. */
    record Key(Duration connectTimeout, boolean http2, ProxySelector proxy, SSLContext sslContext) {
    }

    private static final class Shared {
        final HttpClient client;
        int users;

        Shared(HttpClient client) {
            this.client = client;
        }
    }

    private static final Map<Key, Shared> CLIENTS = new HashMap<>();

    private SharedClients() {
    }

    static synchronized HttpClient acquire(Key key) {
        Shared s = CLIENTS.computeIfAbsent(key, k -> new Shared(build(k)));
        s.users++;
        return s.client;
    }

    static synchronized void release(Key key) {
        Shared s = CLIENTS.get(key);
        if (s != null && --s.users <= 0) {
            CLIENTS.remove(key);
        }
    }

    /** {@return how many JDK clients the transports share now; for tests} */
    static synchronized int count() {
        return CLIENTS.size();
    }

    private static HttpClient build(Key k) {
        HttpClient.Builder hb = HttpClient.newBuilder()
                .connectTimeout(k.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(k.http2() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .executor(SdkExecutors.http());
        if (k.proxy() != null) {
            hb.proxy(k.proxy());
        }
        if (k.sslContext() != null) {
            hb.sslContext(k.sslContext());
        }
        return hb.build();
    }
}
