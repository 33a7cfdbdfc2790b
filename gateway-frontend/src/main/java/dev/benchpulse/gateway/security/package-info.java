/**
 * Who may watch and who may start runs: the open mode for a local machine, and the secured mode with configured
 * viewers and operators, form sign-in and CSRF protection.
 */
package dev.benchpulse.gateway.security;
