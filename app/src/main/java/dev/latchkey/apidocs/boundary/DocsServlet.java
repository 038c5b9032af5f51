package dev.latchkey.apidocs.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The browsable API reference at {@code /docs/}: Swagger UI from its WebJar (no CDN, works
 * offline) reading {@code /openapi}. A servlet of its own because the JAX-RS application,
 * mapped at the root, would answer every other path; not a JAX-RS route, so the access policy
 * does not apply: the page and its assets are public, like the document. Scripts only from
 * this origin (the CSP): the initializer is a file, not an inline script.
 */
@WebServlet(urlPatterns = "/docs/*")
public class DocsServlet extends HttpServlet {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /** What the page loads: a fixed list, nothing else of the class path is reachable. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "favicon-32x32.png", "image/png");
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/docs/");
            return;
        }
        String name = path.substring(1);
        response.setHeader("Content-Security-Policy", CSP);
        if (name.isEmpty() || name.equals("index.html")) {
            serve("apidocs/index.html", "text/html;charset=UTF-8", response);
        } else if (name.equals("init.js")) {
            serve("apidocs/init.js", "text/javascript;charset=UTF-8", response);
        } else if (ASSETS.containsKey(name)) {
            response.setHeader("Cache-Control", "public, max-age=86400");
            serve(WEBJAR + name, ASSETS.get(name), response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void serve(String resource, String type, HttpServletResponse response) throws IOException {
        try (InputStream in = DocsServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType(type);
            in.transferTo(response.getOutputStream());
        }
    }

    private static String swaggerUiVersion() {
        try (InputStream in = DocsServlet.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
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
