/** The hub's own page: is the hub up, and what arrives on a topic. */
package dev.benchpulse.hub.ui;
