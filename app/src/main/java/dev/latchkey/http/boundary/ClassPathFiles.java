package dev.latchkey.http.boundary;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Static files from the class path (the console's, the API reference's, WebJars') for the servlets that serve them. */
public final class ClassPathFiles {

    private ClassPathFiles() {
    }

    /** Writes the resource with this content type, or answers 404 when there is none. */
    public static void serve(String resource, String type, HttpServletResponse response) throws IOException {
        try (InputStream in = ClassPathFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            in.transferTo(response.getOutputStream());
        }
    }

    /** A WebJar's version, read from its Maven metadata, so the pom alone decides which one is served. */
    public static String webJarVersion(String groupId, String artifactId) {
        String metadata = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = ClassPathFiles.class.getClassLoader().getResourceAsStream(metadata)) {
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
