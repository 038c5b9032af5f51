/**
 * Member sessions: signing in at {@code /oauth/authorize} starts one (a cookie holding a random
 * id, stored only as a hash), so a member is not asked for a password on every authorization.
 */
package dev.latchkey.sessions;
