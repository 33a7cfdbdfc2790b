/**
 * The runner's wiring: the beans several features share (the clock, the process runner) and the OpenAPI
 * description. It depends on the feature packages, never the reverse; each feature binds its own settings.
 */
package dev.benchpulse.runner.system;
