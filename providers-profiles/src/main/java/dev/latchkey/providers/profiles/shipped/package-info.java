/** One {@link java.util.ServiceLoader} entry point per shipped profile; the profiles themselves are JSON files. */
package dev.latchkey.providers.profiles.shipped;
