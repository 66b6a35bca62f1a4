/**
 * Spring Boot auto-configuration on the vendor-neutral client: declare servers under
 * {@code sessionsdk.servers.<name>}, inject them as {@code SessionClient} beans by name, let the starter
 * follow them under {@code sessionsdk.feeds.<name>} into a {@link org.sessionsdk.spring.SessionFeedHandler},
 * and watch them in {@code /actuator/health}. See the module's README for a quick start.
 */
package org.sessionsdk.spring;
