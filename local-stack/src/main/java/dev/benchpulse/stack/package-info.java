/**
 * The embedded stack ({@code ./benchpulse up}) and the command-line client. Not built yet: see the README's list
 * of what is not done.
 */
package dev.benchpulse.stack;
