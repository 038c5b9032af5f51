package dev.latchkey.it;

import java.io.File;
import java.net.URL;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real WAR on Payara Micro (against MariaDB, configured by environment variables), and a
 * client for it. Tests run as a client would: over HTTP. One deployment serves every class of the
 * suite (the suite extension deploys it before the first class and undeploys it after the last):
 * a Payara Micro boot costs tens of seconds. Classes therefore share the instance and its
 * database, and each works in teams of its own ({@link Api#newTeam()}).
 */
@ArquillianSuiteDeployment
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
