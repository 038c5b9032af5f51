package dev.latchkey.providers.spotify;

import dev.latchkey.providers.ScopeInfo;
import java.util.List;

/** Spotify Web API's scope catalog, described in Latchkey's words. */
final class SpotifyScopes {

    /** Spotify grants space-separated scopes, in requests and in token responses. */
    static final String SEPARATOR = " ";

    static final List<ScopeInfo> CATALOG = List.of(
            new ScopeInfo("ugc-image-upload", "Upload images, such as a custom playlist cover."),
            new ScopeInfo("user-read-playback-state", "See what is playing and on which of the user's devices."),
            new ScopeInfo("user-modify-playback-state", "Control playback: play, pause, skip, seek, volume, queue and device."),
            new ScopeInfo("user-read-currently-playing", "See the track or episode playing now and the queue."),
            new ScopeInfo("app-remote-control", "Control playback from the Spotify iOS and Android SDKs."),
            new ScopeInfo("streaming", "Play content in the Web Playback SDK (the user needs Premium)."),
            new ScopeInfo("playlist-read-private", "List and read the user's private playlists."),
            new ScopeInfo("playlist-read-collaborative", "Also list the collaborative playlists the user takes part in."),
            new ScopeInfo("playlist-modify-private", "Create and change the user's private playlists."),
            new ScopeInfo("playlist-modify-public", "Create and change the user's public playlists."),
            new ScopeInfo("user-follow-modify", "Follow and unfollow artists and other users."),
            new ScopeInfo("user-follow-read", "See which artists and users the user follows."),
            new ScopeInfo("user-read-playback-position", "See how far the user got in episodes and shows."),
            new ScopeInfo("user-top-read", "See the user's most played artists and tracks."),
            new ScopeInfo("user-read-recently-played", "See the tracks the user played recently."),
            new ScopeInfo("user-library-modify", "Add to and remove from the user's saved library."),
            new ScopeInfo("user-library-read", "See what the user saved in their library."),
            new ScopeInfo("user-read-email", "See the email address of the account."),
            new ScopeInfo("user-read-private", "See the account's subscription level, country and content settings."),
            new ScopeInfo("user-personalized", "Read content Spotify personalizes for the user."),
            new ScopeInfo("user-soa-link", "Link a partner's user account to a Spotify account (Open Access partners)."),
            new ScopeInfo("user-soa-unlink", "Unlink a partner's user account from a Spotify account (Open Access partners)."),
            new ScopeInfo("soa-manage-entitlements", "Change the entitlements of linked users (Open Access partners)."),
            new ScopeInfo("soa-manage-partner", "Update the partner's own details (Open Access partners)."),
            new ScopeInfo("soa-create-partner", "Create new partners (Open Access platform partners)."));

    /** With no scope Spotify still grants the public profile, which is all the account lookup needs. */
    static final List<String> DEFAULTS = List.of();

    private SpotifyScopes() {
    }
}
