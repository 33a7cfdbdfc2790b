/** How the command-line client prints: units, aligned tables, the statistics table of runs. */
package dev.benchpulse.cli.output;
