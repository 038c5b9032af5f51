package dev.latchkey.console.boundary;

import dev.latchkey.http.boundary.ClassPathFiles;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The admin console's files at {@code /console/}: the page, its modules and style sheet from
 * {@code console/} on the class path, and uPlot from its WebJar (no CDN, works offline). A
 * servlet of its own for the same reason as {@code /docs}: the JAX-RS application is mapped at
 * the root. The files are public; everything the console shows comes from the {@code /v1} API
 * with the member's session. The CSP is strict: scripts and styles only from this origin, no
 * inline script or style, no framing.
 */
@WebServlet(urlPatterns = "/console/*")
public class ConsoleServlet extends HttpServlet {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** A console file: lower-case name, one extension; nothing else of the class path is reachable. */
    private static final Pattern FILE = Pattern.compile("[a-z][a-z0-9-]*\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "svg", "image/svg+xml");
    private static final String UPLOT = "META-INF/resources/webjars/uplot/"
            + ClassPathFiles.webJarVersion("org.webjars.npm", "uplot") + "/dist/";
    private static final Map<String, String> VENDOR = Map.of(
            "vendor/uPlot.esm.js", UPLOT + "uPlot.esm.js",
            "vendor/uPlot.min.css", UPLOT + "uPlot.min.css");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + "/console/");
            return;
        }
        String name = path.substring(1);
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (name.isEmpty() || name.equals("index.html")) {
            ClassPathFiles.serve("console/index.html", "text/html;charset=UTF-8", response);
        } else if (VENDOR.containsKey(name)) {
            response.setHeader("Cache-Control", "public, max-age=86400");
            ClassPathFiles.serve(VENDOR.get(name), TYPES.get(name.substring(name.lastIndexOf('.') + 1)), response);
        } else if (FILE.matcher(name).matches()) {
            ClassPathFiles.serve("console/" + name, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
