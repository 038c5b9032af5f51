/**
 * The API as a contract: the OpenAPI document at {@code /openapi} (Payara's scan of the
 * resources, completed by one filter) and the browsable reference at {@code /docs}.
 */
package dev.latchkey.apidocs;
