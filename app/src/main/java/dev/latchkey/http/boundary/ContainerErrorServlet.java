package dev.latchkey.http.boundary;

import dev.latchkey.http.control.CurrentRequest;
import dev.latchkey.http.control.Json;
import dev.latchkey.problems.control.ErrorCode;
import dev.latchkey.problems.control.StatusMessages;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The servlet container's own errors (those raised outside JAX-RS, or a failure no mapper could
 * answer) in the one error shape instead of Payara's HTML page: WEB-INF/web.xml sends every
 * error page here.
 */
@WebServlet(ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/_error";

    @Inject
    CurrentRequest current;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = status(request);
        ErrorCode code = ErrorCode.forStatus(status);
        String requestId = current.requestId();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String where = request.getMethod() + " " + (uri == null ? request.getRequestURI() : uri);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(RequestIdFilter.HEADER, requestId);
        response.getWriter().write(Json.JSONB.toJson(new ErrorView(code.wireName(), StatusMessages.of(code, where),
                requestId, null, null)));
    }

    /** The status the container chose; 500 for an exception it caught; 404 when called directly. */
    private static int status(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (status instanceof Integer known && known >= 400) {
            return known;
        }
        return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null
                ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : HttpServletResponse.SC_NOT_FOUND;
    }
}
