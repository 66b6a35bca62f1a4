package org.sessionsdk.spring;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * The servers' health under {@code /actuator/health/sessionsdk/<server>}: one indicator per server,
 * grouped so that one server down makes {@code sessionsdk} (and so the application) down. Uses Spring
 * Boot 4's health API ({@code org.springframework.boot.health}); on Boot 3.5, whose health types live
 * in Actuator's own package, this configuration does not apply and the rest of the starter works
 * without it.
 */
@AutoConfiguration(after = SessionSdkAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
public class SessionSdkHealthAutoConfiguration {

    /** Spring creates it. */
    public SessionSdkHealthAutoConfiguration() {
    }

    /**
     * One health indicator per server, grouped under {@code sessionsdk}.
     *
     * @param servers    the servers
     * @param properties when a check asks a server itself
     * @param clock      the {@code sessionsdkClock} bean if any, else the system clock
     * @return one indicator per server, under the name {@code sessionsdk}
     */
    @Bean(name = "sessionsdk")
    public CompositeHealthContributor sessionsdkHealthContributor(SessionServers servers, SessionSdkProperties properties,
                                                                  @Qualifier("sessionsdkClock") ObjectProvider<Clock> clock) {
        Clock c = clock.getIfAvailable(Clock::systemUTC);
        Map<String, HealthContributor> byServer = new LinkedHashMap<>();
        for (String name : servers.names()) {
            byServer.put(name, new ServerHealthIndicator(name, servers, properties.health().probeAfter(), c));
        }
        return CompositeHealthContributor.fromMap(byServer);
    }
}
