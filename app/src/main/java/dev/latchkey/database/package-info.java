/**
 * The database: the configured data source (MariaDB or embedded H2) and the Flyway
 * migrations applied at startup before anything serves.
 */
package dev.latchkey.database;
