/**
 * The stack's OS processes: started in sessions of their own with their logs, stopped cleanly then killed with
 * their whole tree, listed in a pid file that a watchdog and the next start use so that no process outlives the stack.
 */
package dev.benchpulse.launcher.process;
