/**
 * The startup sequence (migrations, master key, bootstrap) and how it stops the process
 * with one clear line when something is wrong.
 */
package dev.latchkey.startup;
