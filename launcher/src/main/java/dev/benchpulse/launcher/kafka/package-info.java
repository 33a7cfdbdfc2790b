/**
 * The stack's Kafka: a real single-node KRaft broker from the Maven Central jars, or an existing cluster; and the
 * registry topics created on either.
 */
package dev.benchpulse.launcher.kafka;
