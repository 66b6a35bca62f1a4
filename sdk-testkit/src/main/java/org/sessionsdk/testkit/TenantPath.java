package org.sessionsdk.testkit;

/**
 * Finds the tenant a request path names: {@code /t/7/enterprise/control/agent.php} is tenant 7's.
 * A simulator serves its tenants on its own port under {@link Simulator#TENANT_PREFIX}.
 */
final class TenantPath {
    /** The path is not a tenant's: the simulator itself serves it. */
    static final int NONE = 0;
    /** The path names a tenant out of range (or not a number): nobody serves it. */
    static final int INVALID = -1;

    private TenantPath() {
    }

    /**
     * The simulator that serves a request: {@code owner} for a plain path, the tenant a {@code /t/<n>/...}
     * path names (the request then loses that prefix), or null for a tenant out of range.
     */
    static Simulator route(Simulator owner, SimExchange ex) {
        int number = number(ex.path());
        if (number == NONE) {
            return owner;
        }
        if (number == INVALID) {
            return null;
        }
        ex.stripPrefix(Simulator.TENANT_PREFIX + number);
        try {
            return owner.tenantOf(number);
        } catch (UnsupportedOperationException noTenants) {
            return null;
        }
    }

    /** {@return the tenant number in {@code path}, {@link #NONE} or {@link #INVALID}} */
    private static int number(String path) {
        if (!path.startsWith(Simulator.TENANT_PREFIX)) {
            return NONE;
        }
        int slash = path.indexOf('/', Simulator.TENANT_PREFIX.length());
        String number = path.substring(Simulator.TENANT_PREFIX.length(), slash < 0 ? path.length() : slash);
        if (number.isEmpty() || number.length() > 6 || !number.chars().allMatch(c -> c >= '0' && c <= '9')
                || number.charAt(0) == '0' || Integer.parseInt(number) > Simulator.MAX_TENANTS) {
            return INVALID;
        }
        return Integer.parseInt(number);
    }
}
