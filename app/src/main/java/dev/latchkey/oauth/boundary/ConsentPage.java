package dev.latchkey.oauth.boundary;

import java.util.List;

/**
 * The sign-in and consent page, server-rendered, every value HTML-escaped, with no script (the
 * CSP allows none). It names the client, the site and each scope; it posts back to
 * {@code /oauth/authorize}.
 */
final class ConsentPage {

    private ConsentPage() {
    }

    /**
     * The page: with {@code signedInAs} null, it asks for email and password (signing in and
     * allowing in one step); otherwise the member is signed in and only allows or denies.
     */
    static String consent(String clientName, String siteName, List<String> scopes, String sealedRequest,
                          String signedInAs, String problem) {
        StringBuilder items = new StringBuilder();
        for (String scope : scopes) {
            items.append("<li><code>").append(escape(scope)).append("</code> ").append(escape(describe(scope)))
                    .append("</li>");
        }
        String who = signedInAs != null ? "<p>Signed in as <strong>" + escape(signedInAs) + "</strong>.</p>" : """
                  <label>Email <input type="email" name="email" autocomplete="username" required></label>
                  <label>Password <input type="password" name="password" autocomplete="current-password" required></label>""";
        String allow = signedInAs != null ? "Allow" : "Sign in and allow";
        return page("Authorize " + clientName, """
                <h1>Allow <strong>%s</strong> to access <strong>%s</strong>?</h1>
                <p>It asks to:</p>
                <ul>%s</ul>
                %s
                <form method="post" action="/oauth/authorize">
                  <input type="hidden" name="request" value="%s">
                %s
                  <button type="submit" name="decision" value="allow">%s</button>
                  <button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
                </form>""".formatted(escape(clientName), escape(siteName), items,
                problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + escape(problem) + "</p>",
                escape(sealedRequest), who, allow));
    }

    static String error(String message) {
        return page("Cannot authorize", "<h1>This request cannot be authorized</h1><p class=\"problem\">"
                + escape(message) + "</p>");
    }

    /** After an RP-initiated logout with nowhere (registered) to send the browser back to. */
    static String signedOut(String problem) {
        return page("Signed out", "<h1>You are signed out of Latchkey</h1>"
                + (problem == null ? "" : "<p class=\"problem\">" + escape(problem) + "</p>"));
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>%s · Latchkey</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}
                label{display:block;margin:.75rem 0}input{display:block;width:100%%;padding:.4rem}
                button{margin:1rem .5rem 0 0;padding:.5rem 1rem}.problem{color:#a00}</style></head>
                <body>%s</body></html>""".formatted(escape(title), body);
    }

    private static String describe(String scope) {
        return switch (scope) {
            case "read" -> "read the site's data";
            case "write" -> "create and change the site's data";
            case "delete" -> "delete the site's data";
            case "offline_access" -> "keep access while you are away (a refresh token)";
            default -> scope.endsWith(":read") ? "read the site's " + scope.substring(0, scope.indexOf(':'))
                    + " documents" : scope.endsWith(":write") ? "create and change the site's "
                    + scope.substring(0, scope.indexOf(':')) + " documents" : "";
        };
    }

    static String escape(String text) {
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
