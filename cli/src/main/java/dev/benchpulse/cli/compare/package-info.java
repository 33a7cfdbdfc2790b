/** Comparing runtimes from the command line: the results API's comparison, printed as tables and verdicts. */
package dev.benchpulse.cli.compare;
