package dev.benchpulse.results.system;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.CodecMetadata;
import io.r2dbc.postgresql.codec.CodecRegistry;
import io.r2dbc.postgresql.codec.PostgresTypeIdentifier;
import io.r2dbc.postgresql.extension.CodecRegistrar;
import io.r2dbc.postgresql.message.Format;
import java.lang.reflect.Array;
import java.util.List;
import java.util.UUID;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Sends {@code double[]}, {@code long[]}, {@code int[]} and {@code UUID[]} parameters in PostgreSQL's binary array
 * format ({@code array_recv}: dimensions, element type, then each element as its length and its big-endian bytes).
 * The driver cannot encode primitive arrays and sends {@code UUID[]} as text, which costs a string per element here
 * and a text parse per element in the server; the samples of a batch travel as one array per column, so ingest would
 * pay that for every sample. Only encoding is provided: results come back through the driver's own codecs.
 */
final class BinaryArrayCodecs implements CodecRegistrar {

    @Override
    public Publisher<Void> register(
            PostgresqlConnection connection, ByteBufAllocator allocator, CodecRegistry registry) {
        for (Element element : Element.values()) {
            registry.addFirst(new ArrayCodec(element, allocator));
        }
        return Mono.empty();
    }

    /** The element types sent in binary: their Java array class, their oid and their array's, their size. */
    enum Element {
        FLOAT8(double[].class, 701, 1022, 8),
        INT8(long[].class, 20, 1016, 8),
        INT4(int[].class, 23, 1007, 4),
        UUID(UUID[].class, 2950, 2951, 16);

        final Class<?> arrayClass;
        final int oid;
        final int arrayOid;
        final int size;

        Element(Class<?> arrayClass, int oid, int arrayOid, int size) {
            this.arrayClass = arrayClass;
            this.oid = oid;
            this.arrayOid = arrayOid;
            this.size = size;
        }
    }

    /**
     * One element type's encoder. As {@link CodecMetadata} it declares its Java type, so that the driver's codec
     * cache maps that type to it ahead of the driver's own text codec; it declares no database type, so decoding is
     * never routed to it.
     */
    static final class ArrayCodec implements Codec<Object>, CodecMetadata {

        private final Element element;
        private final ByteBufAllocator allocator;

        ArrayCodec(Element element, ByteBufAllocator allocator) {
            this.element = element;
            this.allocator = allocator;
        }

        @Override
        public boolean canEncode(Object value) {
            return element.arrayClass.isInstance(value);
        }

        @Override
        public EncodedParameter encode(Object value) {
            return new EncodedParameter(Format.FORMAT_BINARY, element.arrayOid, Mono.fromSupplier(() -> bytes(value)));
        }

        @Override
        public EncodedParameter encode(Object value, int dataType) {
            return encode(value);
        }

        /** The array in {@code array_recv}'s format. */
        ByteBuf bytes(Object value) {
            int length = Array.getLength(value);
            ByteBuf buffer = allocator.buffer(20 + length * (4 + element.size));
            buffer.writeInt(length == 0 ? 0 : 1)
                    .writeInt(value instanceof UUID[] uuids && containsNull(uuids) ? 1 : 0)
                    .writeInt(element.oid);
            if (length > 0) {
                buffer.writeInt(length).writeInt(1);
            }
            switch (value) {
                case double[] values -> {
                    for (double v : values) {
                        buffer.writeInt(8).writeDouble(v);
                    }
                }
                case long[] values -> {
                    for (long v : values) {
                        buffer.writeInt(8).writeLong(v);
                    }
                }
                case int[] values -> {
                    for (int v : values) {
                        buffer.writeInt(4).writeInt(v);
                    }
                }
                case UUID[] values -> {
                    for (UUID v : values) {
                        if (v == null) {
                            buffer.writeInt(-1);
                            continue;
                        }
                        buffer.writeInt(16)
                                .writeLong(v.getMostSignificantBits())
                                .writeLong(v.getLeastSignificantBits());
                    }
                }
                default -> throw new IllegalArgumentException("Not an array sent in binary: " + value.getClass());
            }
            return buffer;
        }

        private static boolean containsNull(UUID[] values) {
            for (UUID value : values) {
                if (value == null) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Class<?> type() {
            return element.arrayClass;
        }

        @Override
        public Iterable<? extends PostgresTypeIdentifier> getDataTypes() {
            return List.of();
        }

        @Override
        public boolean canEncodeNull(Class<?> type) {
            return false;
        }

        @Override
        public EncodedParameter encodeNull() {
            throw new UnsupportedOperationException("never called: canEncodeNull is false, the driver encodes nulls");
        }

        @Override
        public boolean canDecode(int dataType, Format format, Class<?> type) {
            return false;
        }

        @Override
        public Object decode(ByteBuf buffer, int dataType, Format format, Class<?> type) {
            throw new UnsupportedOperationException("never called: canDecode is false, the driver decodes arrays");
        }
    }
}
