/**
 * The dashboard's pages: the catalog with live runs, a benchmark, a run, a comparison of runtimes and a history,
 * and what each page needs to know about the visitor's session; and the page (or problem) shown where no page or
 * route answers.
 */
package dev.benchpulse.gateway.dashboard;
