package dev.benchpulse.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The browser libraries the dashboard serves are releases without known vulnerabilities we know of. */
class DashboardLibrariesTests {

    @Test
    void prism_is_at_least_1_30_0_which_fixes_cve_2024_53382() throws IOException {
        assertThat(compare(version("prismjs"), new int[] {1, 30, 0})).isGreaterThanOrEqualTo(0);
    }

    private static int[] version(String webjar) throws IOException {
        String path = "META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties";
        try (InputStream in = DashboardLibrariesTests.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return Arrays.stream(properties.getProperty("version").split("[.-]"))
                    .limit(3)
                    .mapToInt(Integer::parseInt)
                    .toArray();
        }
    }

    private static int compare(int[] a, int[] b) {
        return Arrays.compare(a, b);
    }
}
