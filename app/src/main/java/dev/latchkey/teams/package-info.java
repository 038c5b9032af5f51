/**
 * Teams, the tenants: creating them (instance admin only) and bootstrapping the first one
 * with its owner on an empty database.
 */
package dev.latchkey.teams;
