package dev.agentcron.worker.gateway;

/**
 * Conservative token counts from characters, used where the gateway reports none: before a call (budget
 * worst case) and for attempts that broke off. One token per 3 characters (English averages about 4), plus
 * a few tokens of framing per message.
 */
public final class TokenEstimates {

    private static final int CHARS_PER_TOKEN = 3;
    private static final int TOKENS_PER_MESSAGE = 8;

    private TokenEstimates() {}

    /** Tokens of {@code chars} characters of text. */
    public static long tokens(long chars) {
        return (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    /** Input tokens of a request. */
    public static long inputTokens(ChatRequest request) {
        return tokens(request.chars())
                + (long) TOKENS_PER_MESSAGE * request.messages().size();
    }
}
