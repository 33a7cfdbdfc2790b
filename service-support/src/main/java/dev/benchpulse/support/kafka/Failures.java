package dev.benchpulse.support.kafka;

import dev.benchpulse.contracts.kafka.UnknownSchemaException;
import dev.benchpulse.support.outage.DependencyUnavailableException;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;

/**
 * Sorts the failure of a record into the record's own fault or not, explicitly by type. Only a record that cannot
 * be decoded or breaks the contract is bad in itself; everything else (a dependency down, a timeout, a failure
 * nobody foresaw) is presumed transient and never dead-letters the record.
 */
final class Failures {

    /** Failures to decode: retrying cannot help, so these go to the dead-letter topic at once. */
    static final List<Class<? extends Exception>> UNDECODABLE = List.of(
            UnknownSchemaException.class,
            DeserializationException.class,
            SerializationException.class,
            ConversionException.class,
            MessageConversionException.class,
            ClassCastException.class);

    /** The name health and metrics use for a failure of no known dependency. */
    static final String UNCLASSIFIED = "unclassified";

    private Failures() {}

    /** Whether the record itself is at fault: undecodable or an {@link InvalidRecordException}, in the causes. */
    static boolean badRecord(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidRecordException || undecodable(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean undecodable(Throwable failure) {
        return UNDECODABLE.stream().anyMatch(type -> type.isInstance(failure));
    }

    /** The dependency a transient failure is of, from a {@link DependencyUnavailableException} in the causes. */
    static String dependency(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DependencyUnavailableException unavailable) {
                return unavailable.dependency();
            }
        }
        return UNCLASSIFIED;
    }
}
