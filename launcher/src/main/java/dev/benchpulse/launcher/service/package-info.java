/**
 * The hub and the four services: their runnable jars (unpacked once per build, with a class-data archive from a
 * training run), their environment, their health.
 */
package dev.benchpulse.launcher.service;
