/**
 * Declarative providers: a provider that follows standard OAuth 2.0 described by a JSON profile
 * instead of Java ({@link dev.latchkey.providers.profiles.ProfileReader}), the profiles shipped
 * with Latchkey ({@link dev.latchkey.providers.profiles.BundledProfiles}) and the profiles an admin
 * puts into the plugins directory ({@link dev.latchkey.providers.profiles.ProfileDirectory}).
 */
package dev.latchkey.providers.profiles;
