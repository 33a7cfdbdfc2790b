/**
 * PHP versions on any Linux x86-64 machine: pinned native PHP CLI builds from the npm registry, fetched, checked
 * against their pinned sha512, and installed atomically under {@code .benchpulse/php/<version>/} with a launcher
 * script that starts them with only Benchpulse's own settings ({@code ./benchpulse php install}, {@code php list}).
 */
package dev.benchpulse.launcher.php;
