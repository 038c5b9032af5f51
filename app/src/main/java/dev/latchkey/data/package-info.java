/**
 * The site's protected data: JSON documents per type, kept apart per environment, that API
 * tokens read and write within their permissions.
 */
package dev.latchkey.data;
