package dev.agentcron.api.common.openapi;

import java.math.BigDecimal;
import java.util.List;
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

    static void apply(Schema schema) {
        if (schema == null || schema.getRef() != null) {
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
            if (schema.getMinimum() == null) {
                schema.setMinimum(BigDecimal.ZERO);
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(
                        BigDecimal.valueOf("int32".equals(schema.getFormat()) ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(SchemaBounds::apply);
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
