package dev.latchkey.oauth.boundary;

import dev.latchkey.http.boundary.HtmlPage;
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
        return HtmlPage.render(title, body);
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
        return HtmlPage.escape(text);
    }
}
