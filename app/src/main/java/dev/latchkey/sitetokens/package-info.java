/**
 * The site token: one {@code st_} credential per site that builds and functions use to fetch
 * a valid provider token for any of the site's connections, and nothing else.
 */
package dev.latchkey.sitetokens;
