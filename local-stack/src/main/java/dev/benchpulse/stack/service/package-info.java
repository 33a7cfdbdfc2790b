/** The hub and the four services: their runnable jars, their environment, their health. */
package dev.benchpulse.stack.service;
