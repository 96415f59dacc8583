package dev.agentcron.api.event.matching;

import dev.agentcron.api.common.error.FieldError;
import java.util.ArrayList;
import java.util.List;

/**
 * Topics and topic patterns: dot-separated tokens. In a pattern {@code *} stands for exactly one token and
 * {@code >}, as the last token only, for one or more remaining tokens. A published topic holds no wildcard.
 */
public final class Topics {

    public static final String ONE = "*";
    public static final String REST = ">";
    public static final int MAX_CHARS = 255;

    private Topics() {}

    /** The tokens of a topic or pattern. */
    public static String[] tokens(String topic) {
        return topic.split("\\.", -1);
    }

    /** Why {@code pattern} is not a valid subscription topic pattern (empty when it is). */
    public static List<FieldError> checkPattern(String field, String pattern) {
        return check(field, pattern, true);
    }

    /** Why {@code topic} is not a valid published topic (empty when it is). */
    public static List<FieldError> checkTopic(String field, String topic) {
        return check(field, topic, false);
    }

    private static List<FieldError> check(String field, String value, boolean pattern) {
        List<FieldError> errors = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
            return errors;
        }
        if (value.length() > MAX_CHARS) {
            errors.add(new FieldError(field, "must be at most " + MAX_CHARS + " characters"));
            return errors;
        }
        String[] tokens = tokens(value);
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            String problem = tokenProblem(token, i == tokens.length - 1, pattern);
            if (problem != null) {
                errors.add(new FieldError(field, "token " + (i + 1) + " (\"" + token + "\") " + problem));
                break;
            }
        }
        return errors;
    }

    private static String tokenProblem(String token, boolean last, boolean pattern) {
        if (token.isEmpty()) {
            return "is empty: tokens are separated by single dots, without a leading or trailing dot";
        }
        for (int i = 0; i < token.length(); i++) {
            if (Character.isWhitespace(token.charAt(i)) || Character.isISOControl(token.charAt(i))) {
                return "holds whitespace or a control character";
            }
        }
        if (token.equals(ONE) || token.equals(REST)) {
            if (!pattern) {
                return "is a wildcard: a published topic names one concrete topic";
            }
            if (token.equals(REST) && !last) {
                return "is '>', which is only allowed as the last token";
            }
            return null;
        }
        if (token.contains(ONE) || token.contains(REST)) {
            return "mixes a wildcard with other characters: '*' and '>' must be whole tokens";
        }
        return null;
    }
}
