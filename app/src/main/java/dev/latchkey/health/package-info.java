/**
 * MicroProfile Health checks: live, and ready once the database answers and is migrated.
 */
package dev.latchkey.health;
