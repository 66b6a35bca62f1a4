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
 * One simulator and one client per type and test class, closed after the class; with
 * {@code per = Scope.METHOD}, fresh ones for every test method, so that what one test changed
 * (a terminated session, a used-up token) is gone for the next. Either way, faults a test queued
 * but did not use are cleared after it: they never leak into the next test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SimulatorExtension.class)
public @interface SessionSimulators {
    /** {@return generated sessions per simulator; -1 keeps each simulator's default} */
    int sessions() default -1;

    /** {@return seed of the generated data} */
    long seed() default 42;

    /** {@return how long one simulator (and its client) lives: the test class, or each test method} */
    Scope per() default Scope.CLASS;

    /** How long the simulators of a test class live. */
    enum Scope {
        /** One simulator per type for the whole class: fast; tests see each other's changes. */
        CLASS,
        /** A fresh simulator per type for every test method: each test starts from the same state. */
        METHOD
    }
}
