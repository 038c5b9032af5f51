/**
 * Teams, the tenants: creating them (instance admin only), bootstrapping the first one with its
 * owner on an empty database, and the operator's recovery of an owner's access.
 */
package dev.latchkey.teams;
