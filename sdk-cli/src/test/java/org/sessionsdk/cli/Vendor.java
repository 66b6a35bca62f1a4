package org.sessionsdk.cli;

import java.util.List;
import org.sessionsdk.core.client.AttributeKey;
import org.sessionsdk.core.client.SessionClients;

/** The four vendors the tests drive, by name (tests may name vendors; the CLI itself does not). */
enum Vendor {
    plesk, ekran, saymon, senhasegura;

    /** {@return the attributes the vendor's sessions carry, as its provider lists them} */
    List<String> attributes() {
        return SessionClients.provider(name()).sessionAttributes().stream().map(AttributeKey::name).toList();
    }
}
