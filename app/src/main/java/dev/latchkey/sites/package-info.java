/**
 * Sites, the units inside a team that keys, scopes, connections and clients belong to.
 */
package dev.latchkey.sites;
