package org.sessionsdk.core.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.sessionsdk.core.auth.RequestAuth;
import org.sessionsdk.core.config.ClientConfig;
import org.sessionsdk.core.config.TrustMaterial;
import org.sessionsdk.core.http.HttpTransport;
import org.sessionsdk.core.http.JdkHttpTransport;
import org.sessionsdk.core.internal.concurrent.SdkExecutors;
import org.sessionsdk.core.internal.pipeline.HttpPipeline;
import org.sessionsdk.core.internal.pipeline.HttpPipelinePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one vendor client owns: its config, its transport (the JDK one unless the user gave another,
 * sharing one JDK client with every other client built alike), and the executor its asynchronous
 * calls parse and complete on: the SDK's shared pool unless the user gave an executor or a pool size.
 * Closing it releases what it owns; a transport or executor the user supplied is left for its owner.
 *
 * <p>SDK-internal.
 */
public final class ClientRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClientRuntime.class);

    private final ClientConfig config;
    private final HttpTransport transport;
    private final boolean ownsTransport;
    private final java.util.concurrent.Executor asyncExecutor;
    private final ExecutorService ownPool;
    private final String vendor;

    public ClientRuntime(ClientConfig config, String vendor) {
        this.config = config;
        this.vendor = vendor;
        if (config.transport() != null) {
            this.transport = config.transport();
            this.ownsTransport = false;
        } else {
            JdkHttpTransport.Builder tb = JdkHttpTransport.builder()
                    .connectTimeout(config.connectTimeout())
                    .readTimeout(config.readTimeout())
                    .http2(config.http2())
                    .proxy(config.proxy());
            if (config.trustAllCertificates()) {
                LOG.warn("{} client for {}: TLS certificate verification is OFF (insecureTrustAllCertificates). "
                        + "Use only against test servers.", vendor, config.endpoint().getHost());
                tb.sslContext(TrustMaterial.trustAll());
            } else if (config.sslContext() != null) {
                tb.sslContext(config.sslContext());
            }
            this.transport = tb.build();
            this.ownsTransport = true;
        }
        if (config.asyncExecutor() != null) {
            this.ownPool = null;
            this.asyncExecutor = config.asyncExecutor();
        } else if (config.asyncThreads() > 0) {
            // the user asked for a pool of this client's own: its threads never wait for the server
            AtomicInteger n = new AtomicInteger();
            ThreadFactory tf = r -> {
                Thread t = new Thread(r, "sessionsdk-" + vendor + "-async-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(
                    config.asyncThreads(), config.asyncThreads(), 30, java.util.concurrent.TimeUnit.SECONDS,
                    new java.util.concurrent.LinkedBlockingQueue<>(), tf);
            pool.allowCoreThreadTimeOut(true);
            this.ownPool = pool;
            this.asyncExecutor = pool;
        } else {
            this.ownPool = null;
            this.asyncExecutor = SdkExecutors.async(); // shared by every client in the JVM
        }
    }

    public ClientConfig config() {
        return config;
    }

    public HttpTransport transport() {
        return transport;
    }

    /** A caller that signs with {@code auth} and reads errors with {@code errors}. */
    public ApiCaller caller(RequestAuth auth, ErrorDecoder errors) {
        return new ApiCaller(config, HttpPipeline.standard(config, transport, auth, errors).build(), vendor, asyncExecutor);
    }

    /**
     * A caller with the vendor's own policies between the user agent and the error mapping.
     *
     * @param auth     credentials
     * @param errors   the vendor's error decoder
     * @param policies the vendor's policies, outermost first
     * @return the caller
     */
    public ApiCaller caller(RequestAuth auth, ErrorDecoder errors, HttpPipelinePolicy... policies) {
        HttpPipeline.Builder b = HttpPipeline.standard(config, transport, auth, errors);
        for (HttpPipelinePolicy p : policies) {
            b.vendorPolicy(p);
        }
        return new ApiCaller(config, b.build(), vendor, asyncExecutor);
    }

    /**
     * Runs blocking work on the client's async executor (the shared pool, its own, or the one the user
     * gave), for the few asynchronous forms that still wait (a paging loop a vendor has no asynchronous
     * form of). The asynchronous calls themselves go through {@link ApiCaller#executeAsync}.
     */
    public <T> CompletableFuture<T> async(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, asyncExecutor);
    }

    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.shutdownNow();
        }
        if (ownsTransport) {
            transport.close();
        }
    }
}
