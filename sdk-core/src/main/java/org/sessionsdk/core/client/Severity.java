package org.sessionsdk.core.client;

/** How serious an alert is, on the scale SIEM schemas share (OCSF's {@code severity_id} 0 to 5). */
public enum Severity {
    /** Not said, or a word not known. */
    UNKNOWN,
    /** For information. */
    INFORMATIONAL,
    /** Low. */
    LOW,
    /** Medium. */
    MEDIUM,
    /** High. */
    HIGH,
    /** Critical. */
    CRITICAL
}
