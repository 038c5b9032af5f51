/**
 * People in a team and their roles (owner, developer).
 */
package dev.latchkey.members;
