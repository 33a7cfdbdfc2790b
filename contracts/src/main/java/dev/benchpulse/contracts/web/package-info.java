/**
 * The names Benchpulse's HTTP API and its Mercure stream share between the services and their clients: the run
 * topics ({@link dev.benchpulse.contracts.web.RunTopics}) and the custom headers
 * ({@link dev.benchpulse.contracts.web.ApiHeaders}). Plain constants, no dependency, so that the CLI can use them too.
 */
package dev.benchpulse.contracts.web;
