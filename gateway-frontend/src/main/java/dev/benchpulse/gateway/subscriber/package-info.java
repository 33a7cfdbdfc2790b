/**
 * The visitor's Mercure subscriber cookie: a short-lived token that lets the dashboard's one event stream receive
 * the private updates of every run, and nothing else.
 */
package dev.benchpulse.gateway.subscriber;
