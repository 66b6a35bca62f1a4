package org.sessionsdk.core.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * When and how long to wait before trying a call again.
 *
 * <p>Only calls that are safe to repeat (reads) are retried, and only on a failed connection, a
 * timeout, 429, 502, 503 or 504. Delays grow exponentially with full jitter ({@code random(0,
 * min(maxDelay, baseDelay * 2^(attempt-1)))}); a {@code Retry-After} from the server is honoured as
 * sent, up to {@link #maxRetryAfter()}, beyond which the call fails at once with the server's answer.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration maxDelay;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    private RetryPolicy(Builder b) {
        if (b.maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.maxAttempts = b.maxAttempts;
        this.baseDelay = requirePositive(b.baseDelay, "baseDelay");
        this.maxDelay = requirePositive(b.maxDelay, "maxDelay");
        this.maxRetryAfter = requirePositive(b.maxRetryAfter, "maxRetryAfter");
        this.random = Objects.requireNonNull(b.random, "random");
        this.sleeper = Objects.requireNonNull(b.sleeper, "sleeper");
    }

    /** {@return 3 attempts, 200 ms base, 10 s cap, Retry-After honoured up to 60 s} */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** {@return one attempt, never a retry} */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this policy, to derive a changed copy} */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).baseDelay(baseDelay).maxDelay(maxDelay)
                .maxRetryAfter(maxRetryAfter).random(random).sleeper(sleeper);
    }

    /** {@return attempts in all, the first included (1 = no retry)} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return the ceiling of the first backoff; it doubles with each attempt} */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** {@return the largest backoff between two attempts} */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** {@return the longest {@code Retry-After} the client waits; a longer one fails the call at once} */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** {@return how the client waits between attempts} */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Whether an HTTP status is worth another attempt.
     *
     * @param status the HTTP status
     * @return true for 429, 502, 503 and 504
     */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The wait before attempt {@code failedAttempt + 1}.
     *
     * @param failedAttempt the attempt that just failed, from 1
     * @param retryAfter    what the server asked for, or null
     * @return the delay, or null when the server asked for more than {@link #maxRetryAfter()}
     */
    public Duration delayBefore(int failedAttempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxRetryAfter) > 0 ? null : retryAfter;
        }
        long base = baseDelay.toNanos();
        int shift = Math.min(failedAttempt - 1, 30);
        long ceiling = base > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : base << shift;
        ceiling = Math.min(ceiling, maxDelay.toNanos());
        return Duration.ofNanos((long) (random.nextDouble() * ceiling));
    }

    private static Duration requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return d;
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay
                + ", maxRetryAfter=" + maxRetryAfter + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        /** Made by the enclosing type's {@code builder()}. */
        private Builder() {
        }

        private int maxAttempts = 3;
        private Duration baseDelay = Duration.ofMillis(200);
        private Duration maxDelay = Duration.ofSeconds(10);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private RandomGenerator random = new Random();
        private Sleeper sleeper = Sleeper.system();

        /**
         * Attempts in all, the first included (1 = no retry; default 3).
         *
         * @param n at least 1
         * @return this builder
         */
        public Builder maxAttempts(int n) {
            this.maxAttempts = n;
            return this;
        }

        /**
         * The ceiling of the first backoff (default 200 ms); it doubles with each attempt.
         *
         * @param d not negative
         * @return this builder
         */
        public Builder baseDelay(Duration d) {
            this.baseDelay = d;
            return this;
        }

        /**
         * The largest backoff between two attempts (default 10 s).
         *
         * @param d not negative
         * @return this builder
         */
        public Builder maxDelay(Duration d) {
            this.maxDelay = d;
            return this;
        }

        /**
         * The longest Retry-After the client will wait (default 60 s); a longer one fails the call at once.
         *
         * @param d not negative
         * @return this builder
         */
        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = d;
            return this;
        }

        /**
         * The jitter source; inject a seeded one for repeatable tests.
         *
         * @param r the random generator
         * @return this builder
         */
        public Builder random(RandomGenerator r) {
            this.random = r;
            return this;
        }

        /**
         * How to wait; inject a recording one so tests never sleep.
         *
         * @param s the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper s) {
            this.sleeper = s;
            return this;
        }

        /**
         * {@return the policy}
         * @throws IllegalArgumentException if {@code maxAttempts} is below 1 or a delay is negative
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
