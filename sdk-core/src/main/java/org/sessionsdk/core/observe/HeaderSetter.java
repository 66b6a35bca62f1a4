package org.sessionsdk.core.observe;

/**
 * Adds a header to the request of the attempt about to be sent, e.g. W3C {@code traceparent}. A
 * header the request already has (credentials, {@code User-Agent}, {@code Content-Type}, a vendor's
 * own) is left as it is: a listener can add headers, never change them.
 */
@FunctionalInterface
public interface HeaderSetter {
    /**
     * Adds a header unless the request already has one of that name.
     *
     * @param name  the header name
     * @param value its value
     */
    void set(String name, String value);
}
