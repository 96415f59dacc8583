package dev.agentcron.worker.tool.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Text for the model from a response body: the visible text of HTML (no scripts, styles or tags; entities decoded). */
final class HtmlText {

    private HtmlText() {}

    static boolean isHtml(String contentType) {
        String type = mediaType(contentType);
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    /** Whether the body can be shown as text at all. */
    static boolean isText(String contentType) {
        String type = mediaType(contentType);
        return type.isEmpty()
                || type.startsWith("text/")
                || type.equals("application/json")
                || type.endsWith("+json")
                || type.equals("application/xml")
                || type.endsWith("+xml")
                || type.equals("application/javascript");
    }

    static String text(byte[] body, String contentType, String baseUrl) {
        Charset charset = charset(contentType);
        if (isHtml(contentType)) {
            Document document = Jsoup.parse(new String(body, charset), baseUrl);
            document.select("script, style, noscript, template, svg, head").remove();
            return document.body() == null ? document.text() : document.body().text();
        }
        return new String(body, charset);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            for (String part : contentType.split(";")) {
                String trimmed = part.trim();
                if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                    try {
                        return Charset.forName(
                                trimmed.substring(8).replace("\"", "").trim());
                    } catch (IllegalArgumentException unknown) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
