package dev.agentcron.api.common.openapi;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Bounds for schemas that declare none, so every string, array and integer of the document is limited.
 * The defaults are what the server enforces anyway: no request body is larger than 1 MiB, so no string or
 * array in it (or stored from it) is either; counts are never negative.
 */
final class SchemaBounds {

    /** The request body limit: no string can be longer. */
    static final int MAX_STRING = 1_048_576;
    /** No array of a request body (1 MiB) or of a page (200 items) holds more. */
    static final int MAX_ITEMS = 100_000;

    private SchemaBounds() {}

    /**
     * A property declared with {@code oneOf} (a schedule: object or string) becomes exactly that: a fresh
     * schema without the generic JSON-object type and reference its Java type contributed; a nullable one
     * gets {@code null} as one more alternative.
     */
    private static Schema oneOfOnly(Schema schema) {
        if (schema.getOneOf() == null || schema.getOneOf().isEmpty()) {
            return schema;
        }
        boolean nullable = schema.getType() != null && schema.getType().contains(Schema.SchemaType.NULL);
        Schema clean = OASFactory.createSchema()
                .description(schema.getDescription())
                .examples(schema.getExamples())
                .oneOf(new java.util.ArrayList<>(schema.getOneOf()));
        if (nullable) {
            clean.addOneOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
        }
        return clean;
    }

    static void apply(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            return;
        }
        List<Schema.SchemaType> types = schema.getType();
        if (types != null
                && types.contains(Schema.SchemaType.STRING)
                && schema.getMaxLength() == null
                && schema.getEnumeration() == null
                && schema.getConstValue() == null) {
            schema.setMaxLength(MAX_STRING);
        }
        if (types != null && types.contains(Schema.SchemaType.ARRAY)) {
            if (schema.getMaxItems() == null) {
                schema.setMaxItems(MAX_ITEMS);
            }
            if (schema.getEnumeration() != null && schema.getItems() != null) {
                schema.getItems().setEnumeration(schema.getEnumeration());
                schema.setEnumeration(null);
            }
        }
        if (types != null && types.contains(Schema.SchemaType.INTEGER)) {
            if (schema.getFormat() == null) {
                boolean small = schema.getMaximum() != null
                        && schema.getMaximum().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
                schema.setFormat(small ? "int32" : "int64");
            }
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(
                        BigDecimal.valueOf("int32".equals(schema.getFormat()) ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (schema.getProperties() != null) {
            java.util.Map<String, Schema> properties = new java.util.LinkedHashMap<>(schema.getProperties());
            properties.replaceAll((name, property) -> oneOfOnly(property));
            schema.setProperties(properties);
            properties.values().forEach(SchemaBounds::apply);
        }
        apply(schema.getItems());
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(SchemaBounds::apply);
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(SchemaBounds::apply);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(SchemaBounds::apply);
        }
    }
}
