package dev.latchkey.console.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** A WebJar's version, read from its Maven metadata, so the pom alone decides which one is served. */
final class WebJarVersion {

    private WebJarVersion() {
    }

    static String of(String groupId, String artifactId) {
        String metadata = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = WebJarVersion.class.getClassLoader().getResourceAsStream(metadata)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
