package dev.latchkey.providers.github;

import dev.latchkey.providers.ScopeInfo;
import java.util.List;

/**
 * The OAuth App scopes GitHub offers. GitHub App user tokens ignore scopes: their access is
 * the app's fine-grained permissions intersected with the user's own.
 */
final class GitHubScopes {

    /** No scope at all: read-only access to public information, which is what GitHub grants by default. */
    static final List<String> DEFAULTS = List.of();

    static final List<ScopeInfo> CATALOG = List.of(
            scope("repo", "Read and write every public and private repository the user can reach, including org projects and team membership."),
            scope("repo:status", "Read and write commit statuses of public and private repositories, without code access."),
            scope("repo_deployment", "Read and write deployments and their statuses, without code access."),
            scope("public_repo", "Read and write public repositories only (code, statuses, projects, collaborators), and star them."),
            scope("repo:invite", "Accept or decline invitations to collaborate on repositories, without code access."),
            scope("security_events", "Read and write code scanning (and, on Enterprise Cloud, secret scanning) alerts, without code access."),
            scope("admin:repo_hook", "Create, change, ping and delete repository webhooks."),
            scope("write:repo_hook", "Create, change and ping repository webhooks."),
            scope("read:repo_hook", "List and ping repository webhooks."),
            scope("admin:org", "Administer organizations completely: settings, teams, projects and members."),
            scope("write:org", "Read and change organization membership and organization projects."),
            scope("read:org", "Read organization membership, organization projects and team membership."),
            scope("admin:public_key", "Add, view and delete the user's SSH public keys."),
            scope("write:public_key", "Add, list and view the user's SSH public keys."),
            scope("read:public_key", "List and view the user's SSH public keys."),
            scope("admin:org_hook", "Create, change, ping and delete organization webhooks."),
            scope("gist", "Create and edit the user's gists."),
            scope("notifications", "Read notifications, mark them read, and watch or unwatch repositories."),
            scope("user", "Read and change the user's profile; includes user:email and user:follow."),
            scope("read:user", "Read the user's profile."),
            scope("user:email", "Read the user's email addresses."),
            scope("user:follow", "Follow and unfollow other users."),
            scope("project", "Read and change user and organization projects."),
            scope("read:project", "Read user and organization projects."),
            scope("delete_repo", "Delete repositories the user administers."),
            scope("write:packages", "Publish packages to GitHub Packages."),
            scope("read:packages", "Download packages from GitHub Packages."),
            scope("delete:packages", "Delete packages from GitHub Packages."),
            scope("admin:gpg_key", "Add, view and delete the user's GPG keys."),
            scope("write:gpg_key", "Add, list and view the user's GPG keys."),
            scope("read:gpg_key", "List and view the user's GPG keys."),
            scope("codespace", "Create and manage the user's codespaces."),
            scope("workflow", "Add and change GitHub Actions workflow files."),
            scope("read:audit_log", "Read audit log events."),
            scope("admin:enterprise", "Control an enterprise completely, including its runners and billing (Enterprise only)."),
            scope("manage_runners:enterprise", "Manage an enterprise's self-hosted runners (Enterprise only)."),
            scope("manage_billing:enterprise", "Read and change an enterprise's billing (Enterprise only)."),
            scope("read:enterprise", "Read an enterprise's profile, not its members or organizations (Enterprise only)."),
            scope("site_admin", "Call the administration API of a GitHub Enterprise Server instance (Enterprise Server only)."));

    private GitHubScopes() {
    }

    private static ScopeInfo scope(String name, String description) {
        return new ScopeInfo(name, description);
    }
}
