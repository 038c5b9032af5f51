package dev.latchkey.it;

import java.io.File;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR, deployed once per test class on Payara Micro (against MariaDB, configured by
 * environment variables), and a client for it. Tests run as a client would: over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedLatchkey {

    @Deployment(testable = false)
    static WebArchive latchkey() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("latchkey.war")));
    }

    @ArquillianResource
    URL base;

    Api api;

    /** Runs before the subclass's own set-up (which must not be named the same). */
    @BeforeEach
    void connectToDeployment() {
        api = Api.at(base);
    }
}
