/** Latchkey's Salesforce plugin: connects Salesforce users through the OAuth 2.0 web server flow with PKCE, refresh and revocation. */
package dev.latchkey.providers.salesforce;
