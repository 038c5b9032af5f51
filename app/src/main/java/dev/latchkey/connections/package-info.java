/**
 * Connections to other APIs through provider plugins: the connect flow, custody of the
 * provider's tokens (sealed at rest), refreshing them before they expire, and disconnecting.
 */
package dev.latchkey.connections;
