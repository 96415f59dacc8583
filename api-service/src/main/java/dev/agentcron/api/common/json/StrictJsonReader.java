package dev.agentcron.api.common.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.agentcron.api.common.error.FieldError;
import dev.agentcron.api.common.error.InvalidRequestException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * No mass assignment: before an API request record is bound, every property of the body (nested ones too)
 * is checked against the record's properties, and all unknown or read-only ones are reported in one 400
 * with their paths, together with the value problems a {@link RequestValidator} of the type finds in the rest
 * of the body. Free-form JSON fields ({@code input}, {@code schedule}) are left to their own checks.
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {

    /** Response-only fields: named as read-only when a request sends them. */
    static final Set<String> READ_ONLY = Set.of(
            "id",
            "created_at",
            "updated_at",
            "outputs_today",
            "runs_today",
            "next_run_at",
            "next_run_times",
            "schedule_count",
            "creator",
            "last_run_at",
            "last_run_status",
            "subscription_count",
            "sub_topics",
            "status_reason",
            "missed_count",
            "agent_id",
            "primary",
            "prefix",
            "key",
            "last_used_at",
            "revoked_at",
            "run_id",
            "reviewed_by",
            "reviewed_at",
            "review_note");

    private static final String API_PACKAGE = "dev.agentcron.api.";

    private final ObjectMapper mapper;
    private final Instance<RequestValidator<?>> validators;
    private final Map<JavaType, Map<String, JavaType>> properties = new java.util.concurrent.ConcurrentHashMap<>();

    public StrictJsonReader(ObjectMapper mapper, @Any Instance<RequestValidator<?>> validators) {
        this.mapper = mapper;
        this.validators = validators;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isApiRecord(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            return context.proceed();
        }
        List<FieldError> errors = new ArrayList<>();
        JavaType type = mapper.constructType(context.getGenericType());
        walk(type, tree, "", errors);
        if (!errors.isEmpty()) {
            errors.addAll(valueErrors(context.getType(), type, tree));
            throw new InvalidRequestException(errors);
        }
        return context.proceed();
    }

    /** The value problems of the rest of the body (unknown properties removed), when the type has a validator. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<FieldError> valueErrors(Class<?> raw, JavaType type, JsonNode pruned) {
        RequestValidator validator = null;
        for (RequestValidator<?> candidate : validators) {
            if (candidate.type() == raw) {
                validator = candidate;
            }
        }
        if (validator == null) {
            return List.of();
        }
        try {
            return validator.validate(mapper.treeToValue(pruned, type));
        } catch (IOException | RuntimeException e) {
            // values that do not even bind are reported once the unknown properties are gone
            return List.of();
        }
    }

    private void walk(JavaType type, JsonNode node, String path, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return;
        }
        JavaType target = type.getRawClass() == Optional.class ? type.containedType(0) : type;
        if (node.isObject() && isApiRecord(target.getRawClass())) {
            Map<String, JavaType> known = properties.computeIfAbsent(target, this::propertiesOf);
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String fieldPath = path.isEmpty() ? name : path + "." + name;
                JavaType propertyType = known.get(name);
                if (propertyType == null) {
                    errors.add(new FieldError(fieldPath, unknown(name, known)));
                    fields.remove();
                } else {
                    walk(propertyType, field.getValue(), fieldPath, errors);
                }
            }
        } else if (node.isArray() && Collection.class.isAssignableFrom(target.getRawClass())) {
            JavaType element = target.getContentType();
            for (int i = 0; i < node.size(); i++) {
                walk(element, node.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    private static String unknown(String name, Map<String, JavaType> known) {
        if (READ_ONLY.contains(name)) {
            return "is read-only";
        }
        String snake = ((PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE).translate(name);
        if (!snake.equals(name) && known.containsKey(snake)) {
            return "is not a known property; field names are snake_case: " + snake;
        }
        return "is not a known property";
    }

    private Map<String, JavaType> propertiesOf(JavaType type) {
        BeanDescription description = mapper.getDeserializationConfig().introspect(type);
        Map<String, JavaType> known = new HashMap<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            known.put(property.getName(), property.getPrimaryType());
        }
        return known;
    }

    private static boolean isApiRecord(Class<?> type) {
        return type.isRecord() && type.getName().startsWith(API_PACKAGE);
    }
}
