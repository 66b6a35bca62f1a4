package org.sessionsdk.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An empty application: everything the tests see comes from the starter's auto-configuration and properties. */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApp {
}
