/**
 * How the runner's HTTP API says what is wrong with a request: the exception a feature throws with every field at
 * fault, the naming of the field a JSON or YAML error is about, and the one mapping of errors to RFC 9457
 * {@code application/problem+json}.
 */
package dev.benchpulse.runner.problem;
