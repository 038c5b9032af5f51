/** Latchkey's Stripe plugin: connects Stripe accounts to the platform through Stripe Connect OAuth (Standard accounts). */
package dev.latchkey.providers.stripe;
