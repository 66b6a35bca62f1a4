package org.sessionsdk.core.client;

/**
 * What only a vendor knows about an audit entry and an export to a SIEM needs: whether it is an alert (a
 * detection) or a record of a change, how severe, on which host, who. From
 * {@link VendorProvider#traits(org.sessionsdk.core.audit.AuditEvent)}.
 *
 * @param alert    whether the entry is an alert a rule raised (else a change someone made)
 * @param severity how serious, for alerts
 * @param ruleId   the rule that raised an alert, or null
 * @param host     the host an alert fired on, or null
 * @param userName the actor's name, or null
 * @param userId   the actor's id, or null
 */
public record AuditTraits(boolean alert, Severity severity, String ruleId, String host, String userName,
                          String userId) {

    /**
     * A change made by {@code actor}, named by name.
     *
     * @param actor the entry's actor
     * @return the traits
     */
    public static AuditTraits change(String actor) {
        return new AuditTraits(false, Severity.UNKNOWN, null, null, actor, null);
    }
}
