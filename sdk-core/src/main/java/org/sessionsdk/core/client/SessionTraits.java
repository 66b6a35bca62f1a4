package org.sessionsdk.core.client;

/**
 * What only a vendor knows about its session records and an export to a SIEM needs: whether the user
 * field is a name or an id, what the target is, whether the session was opened remotely. From
 * {@link VendorProvider#traits(org.sessionsdk.core.session.SessionRecord)}.
 *
 * @param userName    the user's name, or null
 * @param userId      the user's id, or null
 * @param targetIsId  whether {@code target()} is an identifier (an agent's id) rather than a host or address
 * @param targetLabel the label an identifier target is exported under (e.g. {@code client_guid}); null otherwise
 * @param remote      whether the session is remote (reached over the network), or null when the vendor
 *                    does not say
 */
public record SessionTraits(String userName, String userId, boolean targetIsId, String targetLabel, Boolean remote) {

    /**
     * The traits of a vendor that says nothing special: the user is a name, the target a host.
     *
     * @param user the record's user
     * @return the traits
     */
    public static SessionTraits plain(String user) {
        return new SessionTraits(user, null, false, null, null);
    }
}
