package dev.latchkey.http.boundary;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The few pages Latchkey renders on the server (sign-in and consent, signed out, a provider
 * connected): one look, every value HTML-escaped, no script, and one set of headers — a CSP
 * that allows no script and no framing, no caching, no referrer beyond the origin.
 */
public final class HtmlPage {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("utf-8");

    private HtmlPage() {
    }

    /** A whole page; {@code body} must already be escaped HTML. */
    public static String render(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · Latchkey</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
                label{display:block;margin:.75rem 0}input{display:block;width:100%%;padding:.4rem}
                button{margin:1rem .5rem 0 0;padding:.5rem 1rem}.problem{color:#a00}</style></head>
                <body>%s</body></html>""".formatted(escape(title), body);
    }

    /**
     * A response carrying a page, with the headers every page gets. Browsers apply
     * {@code form-action} to where a form submission is redirected too, so {@code redirectTarget}
     * (a client's registered redirect URI, or null) is allowed besides this origin, as one source
     * (separators removed: it cannot add others). The referrer policy is {@code same-origin}, not
     * {@code no-referrer}: under {@code no-referrer} browsers send {@code Origin: null} with a form
     * post, and the post's origin is what tells a cross-site form from ours.
     */
    public static Response.ResponseBuilder respond(Response.ResponseBuilder response, String html,
                                                   String redirectTarget) {
        String formAction = "'self'" + (redirectTarget == null ? "" : " " + redirectTarget.replaceAll("[;,\\s]", ""));
        return response.entity(html).type(HTML)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action "
                        + formAction + "; frame-ancestors 'none'")
                .header("Referrer-Policy", "same-origin");
    }

    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
