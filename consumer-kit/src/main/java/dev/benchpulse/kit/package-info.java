/**
 * A Java consumer of Benchpulse's topics for other teams to start from: plain kafka-clients and the contracts jar,
 * no framework. It decodes each record with the contracts' deserializer (the writer schema resolved by its
 * fingerprint from the schemas in the jar) and prints one JSON line per event.
 */
package dev.benchpulse.kit;
