/** What the local stack is asked for and where it keeps things: settings, ports, directory layout, hub keys. */
package dev.benchpulse.launcher.config;
