package dev.benchpulse.results.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.results.ResultsIntegrationTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.codec.DefaultCodecs;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The service's connections send primitive and UUID arrays in PostgreSQL's binary array format, and the values arrive
 * exactly as sent. The driver itself cannot encode primitive arrays, so without the extension these statements fail.
 */
class BinaryArrayCodecsIntegrationTests extends ResultsIntegrationTest {

    @Autowired
    DatabaseClient db;

    @Autowired
    List<ConnectionFactoryOptionsBuilderCustomizer> customizers;

    @Test
    void the_service_connections_are_built_with_the_binary_array_extension() {
        ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.builder();
        customizers.forEach(customizer -> customizer.customize(builder));

        Object extensions = builder.build().getValue(PostgresqlConnectionFactoryProvider.EXTENSIONS);

        assertThat(extensions)
                .asInstanceOf(InstanceOfAssertFactories.COLLECTION)
                .anySatisfy(extension -> assertThat(extension).isInstanceOf(BinaryArrayCodecs.class));
    }

    @Test
    void arrays_of_every_column_type_arrive_exactly_as_sent() {
        UUID first = UUID.randomUUID();
        UUID second = new UUID(Long.MIN_VALUE, -1);
        double[] times = {0.1 + 0.2, Double.MIN_VALUE, -0.0, 1e300, Double.NaN, Double.POSITIVE_INFINITY};

        Map<String, Object> row = db.sql("""
                SELECT array_length($1::float8[], 1) AS n, ($1::float8[])[1] = 0.30000000000000004::float8 AS exact,
                       ($1::float8[])[2] = 4.9e-324::float8 AS tiny, 'NaN'::float8 = ANY($1::float8[]) AS nan,
                       ($2::int8[])[2] AS smallest_long, ($3::int4[])[3] AS third_int,
                       ($4::uuid[])[1]::text AS first_uuid, ($4::uuid[])[2]::text AS second_uuid,
                       ($4::uuid[])[3] IS NULL AS third_uuid_null,
                       coalesce(array_length($5::float8[], 1), 0) AS empty""")
                .bind(0, times)
                .bind(1, new long[] {7, Long.MIN_VALUE})
                .bind(2, new int[] {1, 2, Integer.MAX_VALUE})
                .bind(3, new UUID[] {first, second, null})
                .bind(4, new double[0])
                .fetch()
                .one()
                .block(WAIT);

        assertThat(row)
                .containsEntry("n", 6)
                .containsEntry("exact", true)
                .containsEntry("tiny", true)
                .containsEntry("nan", true)
                .containsEntry("smallest_long", Long.MIN_VALUE)
                .containsEntry("third_int", Integer.MAX_VALUE)
                .containsEntry("first_uuid", first.toString())
                .containsEntry("second_uuid", second.toString())
                .containsEntry("third_uuid_null", true)
                .containsEntry("empty", 0);
    }

    @Test
    void the_driver_picks_the_binary_codecs_over_its_own_text_arrays() {
        DefaultCodecs codecs = new DefaultCodecs(ByteBufAllocator.DEFAULT);
        Mono.from(new BinaryArrayCodecs().register(null, ByteBufAllocator.DEFAULT, codecs))
                .block(WAIT);

        assertThat(codecs.encode(new UUID[] {UUID.randomUUID()}).toString()).contains("FORMAT_BINARY", "type=2951");
        assertThat(codecs.encode(new double[] {1.5}).toString()).contains("FORMAT_BINARY", "type=1022");
        assertThat(codecs.encode(new long[] {1}).toString()).contains("FORMAT_BINARY", "type=1016");
        assertThat(codecs.encode(new int[] {1}).toString()).contains("FORMAT_BINARY", "type=1007");
    }

    @Test
    void a_double_array_is_sent_in_binary_with_its_dimension_element_type_and_big_endian_values() {
        BinaryArrayCodecs.ArrayCodec codec =
                new BinaryArrayCodecs.ArrayCodec(BinaryArrayCodecs.Element.FLOAT8, ByteBufAllocator.DEFAULT);

        ByteBuf bytes = codec.bytes(new double[] {1.5, -2});

        try {
            assertThat(bytes.readInt()).as("dimensions").isEqualTo(1);
            assertThat(bytes.readInt()).as("has nulls").isZero();
            assertThat(bytes.readInt()).as("element type float8").isEqualTo(701);
            assertThat(bytes.readInt()).as("length").isEqualTo(2);
            assertThat(bytes.readInt()).as("lower bound").isEqualTo(1);
            assertThat(bytes.readInt()).isEqualTo(8);
            assertThat(bytes.readDouble()).isEqualTo(1.5);
            assertThat(bytes.readInt()).isEqualTo(8);
            assertThat(bytes.readDouble()).isEqualTo(-2);
            assertThat(bytes.isReadable()).isFalse();
        } finally {
            bytes.release();
        }
    }
}
