/** Latchkey's GitHub plugin: connects GitHub accounts through the OAuth web flow of OAuth Apps and of GitHub Apps (user access tokens). */
package dev.latchkey.providers.github;
