package dev.latchkey.apidocs.boundary;

import dev.latchkey.http.boundary.ClassPathFiles;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

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
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/"
            + ClassPathFiles.webJarVersion("org.webjars", "swagger-ui") + "/";

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
            ClassPathFiles.serve("apidocs/index.html", "text/html;charset=UTF-8", response);
        } else if (name.equals("init.js")) {
            ClassPathFiles.serve("apidocs/init.js", "text/javascript;charset=UTF-8", response);
        } else if (ASSETS.containsKey(name)) {
            response.setHeader("Cache-Control", "public, max-age=86400");
            ClassPathFiles.serve(WEBJAR + name, ASSETS.get(name), response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
