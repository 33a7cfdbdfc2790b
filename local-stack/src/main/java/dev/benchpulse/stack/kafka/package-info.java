/** The stack's Kafka: a real single-node KRaft broker from Maven Central jars, or an existing cluster; the registry topics. */
package dev.benchpulse.stack.kafka;
