/**
 * What every fake provider server shares: a loopback HTTP server whose answers can be scripted
 * per endpoint, delayed, and counted, safely while requests are in flight. Published in the
 * test-jar so the app's integration tests can run the fakes too.
 */
package dev.latchkey.providers.fake;
