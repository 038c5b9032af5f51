package dev.latchkey.access.control;

import dev.latchkey.credentials.entity.Caller;
import dev.latchkey.credentials.entity.CredentialKind;
import java.util.EnumSet;
import java.util.Set;

/** Which kinds of credential a route admits at all, before permissions and roles. */
public enum Audience {
    /** No credential needed: the route serves anyone, or authenticates clients itself (OAuth endpoints). */
    PUBLIC(EnumSet.allOf(CredentialKind.class), ""),
    /**
     * Passed through like {@code PUBLIC}, but the route authenticates an OAuth access token
     * itself and answers with RFC 6750 challenges (OpenID Connect UserInfo): no credential or
     * anything but one of our access tokens → 401, an access token that may not → 403.
     */
    OWN_BEARER(EnumSet.allOf(CredentialKind.class), ""),
    /** Any valid credential but a verifier key, which only verifies keys. */
    ANY(EnumSet.complementOf(EnumSet.of(CredentialKind.VERIFIER)), "A verifier key only verifies keys"),
    /**
     * Any credential of the team but a site token, which only reads its site's connections, and a
     * verifier key, which only verifies keys.
     */
    TEAM(EnumSet.complementOf(EnumSet.of(CredentialKind.SITE_TOKEN, CredentialKind.VERIFIER)),
            "A site token only reads its site's connections; a verifier key only verifies keys"),
    /**
     * A person acting: a member's personal access token or console session. OAuth tokens never
     * reach these.
     */
    MEMBERS(EnumSet.of(CredentialKind.PERSONAL_TOKEN, CredentialKind.SESSION),
            "This call needs a member's credential (a personal access token or a console session)"),
    /** A member, or a site's own API key (which then manages only what it covers itself). */
    MEMBERS_AND_KEYS(EnumSet.of(CredentialKind.PERSONAL_TOKEN, CredentialKind.SESSION, CredentialKind.API_TOKEN),
            "This call takes a member's personal access token or console session, or an API key of the site"),
    /** Only a console session: the session's own routes (who is signed in, signing out). */
    SESSION(EnumSet.of(CredentialKind.SESSION),
            "This call takes the session cookie of a member signed in with POST /v1/sessions"),
    /** The site's own credentials that act on its data: API keys, OAuth access tokens, client JWTs. */
    SITE_DATA(EnumSet.of(CredentialKind.API_TOKEN, CredentialKind.OAUTH_TOKEN, CredentialKind.JWT),
            "The data API takes a key of this site (sk_/rk_) or an OAuth access token, not a member's token"),
    /** Only a verifier key (vk_live_/vk_test_): {@code POST /v1/keys/verify}. */
    VERIFIER(EnumSet.of(CredentialKind.VERIFIER), "This call takes a verifier key (vk_live_/vk_test_) of the site"),
    /** Only a site token. */
    SITE_TOKEN(EnumSet.of(CredentialKind.SITE_TOKEN), "These endpoints take the site token (st_…) of a site");

    private final Set<CredentialKind> kinds;
    private final String refusal;

    Audience(Set<CredentialKind> kinds, String refusal) {
        this.kinds = kinds;
        this.refusal = refusal;
    }

    public boolean admits(CredentialKind kind) {
        return kinds.contains(kind);
    }

    public boolean admits(Caller caller) {
        return admits(caller.kind());
    }

    /** Why a credential of another kind is refused. */
    public String refusal() {
        return refusal;
    }
}
