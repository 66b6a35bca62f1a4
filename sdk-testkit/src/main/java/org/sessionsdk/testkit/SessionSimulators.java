package org.sessionsdk.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class started simulators and clients configured for them, as parameters:
 *
 * <pre>{@code
 * @SessionSimulators(sessions = 50)
 * class MyDashboardTest {
 *     @Test
 *     void showsWhoIsLoggedIn(PleskSimulator panel, PleskClient plesk) {
 *         assertThat(plesk.sessions().list()).hasSize(50);
 *     }
 * }
 * }</pre>
 *
 * One simulator and one client per type and test class; both are closed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SimulatorExtension.class)
public @interface SessionSimulators {
    /** {@return generated sessions per simulator; -1 keeps each simulator's default} */
    int sessions() default -1;

    /** {@return seed of the generated data} */
    long seed() default 42;
}
