/**
 * PHP runtimes: a PHP binary or container plus ini settings (for example the opcache JIT), probed for their PHP
 * version and JIT state, and listed with the reason when one cannot start.
 */
package dev.benchpulse.runner.runtime;
