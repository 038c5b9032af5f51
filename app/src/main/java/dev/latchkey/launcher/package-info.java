/**
 * The runnable jar's entry point: quiets Payara's own startup log unless asked not to, notes the
 * listener's port, and hands over to Payara Micro. Runs before the container: plain Java SE only.
 */
package dev.latchkey.launcher;
