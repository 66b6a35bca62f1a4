package org.sessionsdk.core.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sessionsdk.core.retry.RetryPolicy;
import org.sessionsdk.core.retry.Sleeper;

/** WireMock bound to 127.0.0.1 on an ephemeral port, and retry settings that never sleep. */
public final class Loopback {
    private Loopback() {
    }

    /** A WireMock extension for {@code @RegisterExtension}, on loopback only. */
    public static WireMockExtension wireMock() {
        return WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    public static URI endpoint(WireMockExtension wm) {
        return URI.create("http://127.0.0.1:" + wm.getPort());
    }

    /** A sleeper that records the delays it was asked for and returns at once. */
    public static final class RecordingSleeper implements Sleeper {
        private final List<Duration> delays = new ArrayList<>();

        @Override
        public synchronized void sleep(Duration d) {
            delays.add(d);
        }

        public synchronized List<Duration> delays() {
            return List.copyOf(delays);
        }
    }

    /** {@code attempts} attempts, delays recorded instead of slept. */
    public static RetryPolicy fastRetry(int attempts, RecordingSleeper sleeper) {
        return RetryPolicy.builder().maxAttempts(attempts).sleeper(sleeper).random(new java.util.Random(7)).build();
    }
}
