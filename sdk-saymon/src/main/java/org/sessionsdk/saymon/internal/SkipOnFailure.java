package org.sessionsdk.saymon.internal;

import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.sessionsdk.core.error.SdkException;
import org.sessionsdk.core.internal.ClosingIterator;

/**
 * A stream that ends, instead of failing, at the first failure {@code skippable} accepts, and hands it
 * to {@code onSkip}: one part of a longer read (one user's log in a walk over all users) that may fail
 * on its own without failing the rest. Any other failure is thrown as it is.
 *
 * <p>SDK-internal.
 *
 * @param <T> the element
 */
public final class SkipOnFailure<T> extends ClosingIterator<T> {
    private final Stream<T> source;
    private final Iterator<T> items;
    private final Predicate<RuntimeException> skippable;
    private final Consumer<RuntimeException> onSkip;

    private SkipOnFailure(Stream<T> source, Predicate<RuntimeException> skippable, Consumer<RuntimeException> onSkip) {
        super(() -> { }); // the source is the resource; releaseParser closes it
        this.source = source;
        this.items = source.iterator();
        this.skippable = skippable;
        this.onSkip = onSkip;
    }

    /**
     * @param source    the part; closed with the result
     * @param skippable which failures end the part quietly
     * @param onSkip    told of such a failure, once
     * @param <T>       the element
     * @return the part's elements up to a skippable failure; close it
     */
    public static <T> Stream<T> stream(Stream<T> source, Predicate<RuntimeException> skippable,
                                       Consumer<RuntimeException> onSkip) {
        return new SkipOnFailure<>(source, skippable, onSkip).toStream();
    }

    @Override
    protected T advance() {
        try {
            return items.hasNext() ? items.next() : null;
        } catch (RuntimeException e) {
            if (!skippable.test(e)) {
                throw e;
            }
            onSkip.accept(e);
            return null;
        }
    }

    @Override
    protected RuntimeException translate(Exception e) {
        return e instanceof RuntimeException r ? r : new SdkException(e.getMessage(), e);
    }

    @Override
    protected void releaseParser() {
        source.close();
    }
}
