package org.sessionsdk.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's own version, read from the jar, for the User-Agent header. */
public final class SdkVersion {
    private static final String VERSION = load();

    private SdkVersion() {
    }

    /** {@return the SDK's version, e.g. {@code 0.1.0}, or {@code "unknown"} outside a built jar} */
    public static String version() {
        return VERSION;
    }

    /** {@return {@code sessionsdk/<version> java/<version>}} */
    public static String userAgent() {
        return "sessionsdk/" + VERSION + " java/" + Runtime.version().feature() + "." + Runtime.version().interim()
                + "." + Runtime.version().update();
    }

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("/org/sessionsdk/core/sdk-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
