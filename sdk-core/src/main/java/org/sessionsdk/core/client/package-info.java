/**
 * The vendor-neutral client: {@link org.sessionsdk.core.client.SessionClient}, the
 * {@link org.sessionsdk.core.client.VendorProvider} each vendor module registers, and
 * {@link org.sessionsdk.core.client.SessionClients}, which opens a client of any vendor found from plain
 * settings. Code that must not know the vendor uses only this package.
 */
package org.sessionsdk.core.client;
