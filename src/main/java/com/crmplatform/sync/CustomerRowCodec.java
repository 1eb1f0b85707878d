package com.crmplatform.sync;

import com.crmplatform.customer.Customer;
import com.crmplatform.customer.SearchKeys;
import com.crmplatform.store.Money;
import com.crmplatform.store.StoreException;
import com.crmplatform.store.Texts;
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

    /** The document's fields in the row's column order. */
    private static final String[] FIELD_NAMES = {"_id", "name", "nameLc", "surnameLc", "email", "emailLc", "phone",
        "phoneDigits", "city", "totalSpend", "visits", "lastPurchaseDate", "createdAt", "updatedAt", "createdBy",
        "updatedBy", "version"};

    /** Where each kept field goes in the row. */
    private static final Map<String, Integer> COLUMN = java.util.stream.IntStream.range(0, FIELD_NAMES.length).boxed()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(i -> FIELD_NAMES[i], i -> i));

    static final int WIDTH = FIELD_NAMES.length;

    @Override
    public Object[] decode(BsonReader reader, DecoderContext context) {
        Object[] row = new Object[WIDTH];
        reader.readStartDocument();
        while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
            String field = reader.readName();
            Integer column = COLUMN.get(field);
            if (column == null) {
                reader.skipValue();
                continue;
            }
            BsonType type = reader.getCurrentBsonType();
            if (type == BsonType.NULL) {
                reader.readNull();
                row[column] = null;
                continue;
            }
            try {
                row[column] = switch (column) {
                    case 0 -> reader.readObjectId().toHexString();
                    case 9 -> Money.toPaise(MongoDocs.money(number(reader, type)));
                    case 10 -> (long) ((Number) number(reader, type)).intValue();
                    case 16 -> ((Number) number(reader, type)).longValue();
                    case 11 -> Instant.ofEpochMilli(reader.readDateTime()).atZone(ZoneOffset.UTC).toLocalDate().toString();
                    case 12, 13 -> reader.readDateTime();
                    default -> reader.readString();
                };
            } catch (org.bson.BsonInvalidOperationException | ArithmeticException | NumberFormatException e) {
                throw unusable(row, field + " is " + type.name().toLowerCase(java.util.Locale.ROOT)
                        + ", which the app does not write there");
            }
        }
        reader.readEndDocument();
        return complete(row);
    }

    /** Spend and counts as the app and other tools write them: decimal, double, int, long or text. */
    private static Object number(BsonReader reader, BsonType type) {
        return switch (type) {
            case DECIMAL128 -> reader.readDecimal128();
            case DOUBLE -> reader.readDouble();
            case INT32 -> reader.readInt32();
            case INT64 -> reader.readInt64();
            case STRING -> new BigDecimal(reader.readString());
            default -> throw new org.bson.BsonInvalidOperationException(type.name());
        };
    }

    /**
     * The row with what a document may lack filled as the app fills it (no phone, city or last
     * purchase, no spend or visits; search keys computed from the fields); a customer without its
     * identity, name, email or audit cannot be copied, and says so rather than being left out.
     */
    private static Object[] complete(Object[] row) {
        for (int required : new int[] {0, 1, 4, 12, 13, 14, 15, 16}) {
            if (row[required] == null) {
                throw unusable(row, "it has no " + FIELD_NAMES[required]);
            }
        }
        row[6] = row[6] == null ? "" : row[6];
        row[8] = row[8] == null ? "" : row[8];
        row[9] = row[9] == null ? 0L : row[9];
        row[10] = row[10] == null ? 0L : row[10];
        row[11] = row[11] == null ? "" : row[11];
        if (row[2] == null || row[3] == null) {
            String nameKey = SearchKeys.nameKey((String) row[1]);
            row[2] = row[2] == null ? nameKey : row[2];
            row[3] = row[3] == null ? SearchKeys.surnameOf(nameKey) : row[3];
        }
        row[5] = row[5] == null ? Customer.emailKey((String) row[4]) : row[5];
        row[7] = row[7] == null ? SearchKeys.phoneKey((String) row[6]) : row[7];
        return row;
    }

    private static StoreException unusable(Object[] row, String why) {
        return new StoreException(Texts.get("sync.firstSync.badCustomer", row[0] == null ? "?" : row[0], why));
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
