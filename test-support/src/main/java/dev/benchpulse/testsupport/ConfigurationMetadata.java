package dev.benchpulse.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property names the class path's {@code META-INF/spring-configuration-metadata.json} files describe (what an IDE
 * completes and documents), so a module can check that Spring Boot's configuration processor covered its settings.
 */
public final class ConfigurationMetadata {

    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private ConfigurationMetadata() {}

    /** Every property and group name of every metadata file on the class path. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        try {
            for (URL file : Collections.list(ConfigurationMetadata.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = file.openStream()) {
                    Matcher matcher = NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (matcher.find()) {
                        names.add(matcher.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
