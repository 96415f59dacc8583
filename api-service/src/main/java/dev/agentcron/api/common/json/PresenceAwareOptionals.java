package dev.agentcron.api.common.json;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.ReferenceTypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ReferenceType;
import java.util.Optional;

/**
 * Lets PATCH bodies tell "absent" from "null": a record component of type {@code Optional<T>} is Java
 * {@code null} when the property is absent, {@code Optional.empty()} when it is JSON null, and
 * {@code Optional.of(value)} otherwise.
 */
final class PresenceAwareOptionals extends SimpleModule {

    PresenceAwareOptionals() {
        super("agentcron-presence-aware-optionals");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findReferenceDeserializer(
                    ReferenceType type,
                    DeserializationConfig config,
                    BeanDescription description,
                    TypeDeserializer contentTypeDeserializer,
                    JsonDeserializer<?> contentDeserializer) {
                if (type.hasRawClass(Optional.class)) {
                    return new OptionalDeserializer(type, null, contentTypeDeserializer, contentDeserializer);
                }
                return null;
            }
        });
    }

    static final class OptionalDeserializer extends ReferenceTypeDeserializer<Optional<?>> {

        OptionalDeserializer(
                ReferenceType type,
                ValueInstantiator instantiator,
                TypeDeserializer typeDeserializer,
                JsonDeserializer<?> deserializer) {
            super(type, instantiator, typeDeserializer, deserializer);
        }

        @Override
        public OptionalDeserializer withResolved(TypeDeserializer typeDeserializer, JsonDeserializer<?> deserializer) {
            return new OptionalDeserializer(
                    (ReferenceType) _fullType, _valueInstantiator, typeDeserializer, deserializer);
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }

        @Override
        public Optional<?> getNullValue(DeserializationContext context) {
            return Optional.empty();
        }

        @Override
        public Object getEmptyValue(DeserializationContext context) {
            return Optional.empty();
        }

        @Override
        public Optional<?> referenceValue(Object contents) {
            return Optional.ofNullable(contents);
        }

        @Override
        public Object getReferenced(Optional<?> reference) {
            return reference.orElse(null);
        }

        @Override
        public Optional<?> updateReference(Optional<?> reference, Object contents) {
            return Optional.ofNullable(contents);
        }
    }
}
