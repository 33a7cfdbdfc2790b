package dev.benchpulse.contracts.schema;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate classes of packages it was not told to trust. The generated contract classes
 * are trusted here, once per JVM, so consumers need no system property.
 */
final class AvroTrust {

    private static final String GENERATED_PACKAGE = "dev.benchpulse.contracts.avro.";
    private static volatile boolean installed;

    private AvroTrust() {}

    static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                previous, clazz -> clazz.getName().startsWith(GENERATED_PACKAGE)));
        installed = true;
    }
}
