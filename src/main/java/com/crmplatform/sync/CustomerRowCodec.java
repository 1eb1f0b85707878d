package com.crmplatform.sync;

import com.crmplatform.store.Money;
import com.crmplatform.store.mongo.MongoDocs;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.BsonWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

/**
 * A central customer document read straight into the values of one replica row (the column order
 * of {@link Replica#copyCustomers}), field by field off the wire: no {@code Document} is built for
 * the hundred thousand customers of a first sync, and fields the replica does not keep (the order
 * ids a customer's totals include, which grow with every order) are skipped unread.
 */
final class CustomerRowCodec implements Codec<Object[]> {

    /** Where each kept field goes in the row. */
    private static final Map<String, Integer> COLUMN = Map.ofEntries(Map.entry("_id", 0), Map.entry("name", 1),
            Map.entry("nameLc", 2), Map.entry("surnameLc", 3), Map.entry("email", 4), Map.entry("emailLc", 5),
            Map.entry("phone", 6), Map.entry("phoneDigits", 7), Map.entry("city", 8), Map.entry("totalSpend", 9),
            Map.entry("visits", 10), Map.entry("lastPurchaseDate", 11), Map.entry("createdAt", 12),
            Map.entry("updatedAt", 13), Map.entry("createdBy", 14), Map.entry("updatedBy", 15), Map.entry("version", 16));

    static final int WIDTH = 17;

    @Override
    public Object[] decode(BsonReader reader, DecoderContext context) {
        Object[] row = new Object[WIDTH];
        row[9] = 0L;
        row[10] = 0L;
        row[11] = "";
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            Integer column = COLUMN.get(reader.readName());
            if (column == null) {
                reader.skipValue();
                continue;
            }
            BsonType type = reader.getCurrentBsonType();
            if (type == BsonType.NULL) {
                reader.readNull();
                continue;
            }
            row[column] = switch (column) {
                case 0 -> reader.readObjectId().toHexString();
                case 9 -> Money.toPaise(money(reader, type));
                case 10, 16 -> whole(reader, type);
                case 11 -> Instant.ofEpochMilli(reader.readDateTime()).atZone(ZoneOffset.UTC).toLocalDate().toString();
                case 12, 13 -> reader.readDateTime();
                default -> reader.readString();
            };
        }
        reader.readEndDocument();
        return row;
    }

    private static BigDecimal money(BsonReader reader, BsonType type) {
        return switch (type) {
            case DECIMAL128 -> reader.readDecimal128().bigDecimalValue().setScale(2);
            case DOUBLE -> MongoDocs.money(reader.readDouble());
            case INT32 -> MongoDocs.money(reader.readInt32());
            case INT64 -> MongoDocs.money(reader.readInt64());
            default -> MongoDocs.money(reader.readString());
        };
    }

    private static long whole(BsonReader reader, BsonType type) {
        return switch (type) {
            case INT32 -> reader.readInt32();
            case INT64 -> reader.readInt64();
            case DOUBLE -> (long) reader.readDouble();
            default -> reader.readDecimal128().bigDecimalValue().longValue();
        };
    }

    @Override
    public void encode(BsonWriter writer, Object[] value, EncoderContext context) {
        throw new UnsupportedOperationException("customer rows are only read");
    }

    @Override
    public Class<Object[]> getEncoderClass() {
        return Object[].class;
    }
}
