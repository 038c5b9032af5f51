/**
 * Idempotency keys on POSTs, Stripe's way: a retry with the same key and body replays the first
 * outcome (a secret shown once included, stored sealed), across instances, for 24 hours.
 */
package dev.latchkey.idempotency;
