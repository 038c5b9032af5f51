/**
 * Member sessions: signing in (at {@code /oauth/authorize} or {@code POST /v1/sessions}) starts one, a
 * cookie holding a random id stored only as a hash; it signs the member in to the authorize page and
 * is the console's API credential (with a CSRF token derived from it).
 */
package dev.latchkey.sessions;
