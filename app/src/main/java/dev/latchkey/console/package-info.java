/**
 * The admin console at {@code /console}: static files (plain ES modules, one style sheet, uPlot
 * from its WebJar) that call the public {@code /v1} API with the member's session, nothing more.
 */
package dev.latchkey.console;
