/**
 * Who may call which route: one declared policy table over every route of the API, enforced
 * by one filter before any resource runs, after the filter that authenticates each call; and the rule that nothing a credential creates or
 * reaches exceeds its own {@link dev.latchkey.credentials.entity.Authority}.
 */
package dev.latchkey.access;
