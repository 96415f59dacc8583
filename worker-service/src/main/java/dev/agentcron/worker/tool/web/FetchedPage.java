package dev.agentcron.worker.tool.web;

/**
 * A fetched page, as text.
 *
 * @param url the URL asked for
 * @param finalUrl the URL that answered, after redirects
 * @param status the final HTTP status
 * @param contentType the response's content type, or null
 * @param text the text: HTML reduced to its visible text, other text as is
 * @param truncated whether the body or the text was cut at its limit
 */
public record FetchedPage(
        String url, String finalUrl, int status, String contentType, String text, boolean truncated) {}
