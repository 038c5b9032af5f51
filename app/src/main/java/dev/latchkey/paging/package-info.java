/**
 * Cursor pagination shared by every list endpoint.
 */
package dev.latchkey.paging;
