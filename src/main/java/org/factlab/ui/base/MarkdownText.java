package org.factlab.ui.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Notes written in a small subset of Markdown, rendered on the server into sanitised HTML: paragraphs, headings
 * ({@code #}, {@code ##}, {@code ###}), bullet and numbered lists, fenced code blocks, {@code `code`},
 * {@code **bold**}, {@code *italic*} and {@code [links](https://…)}. Everything typed is HTML-escaped first, and the
 * result passes jsoup's basic safelist (no scripts, no event handlers, links only to http, https, ftp and mailto).
 */
public final class MarkdownText {

    private static final Safelist SAFE = Safelist.basic().addTags("h3", "h4", "h5");
    private static final Pattern HEADING = Pattern.compile("(#{1,3})\\s+(.*)");
    private static final Pattern BULLET = Pattern.compile("[-*+]\\s+(.*)");
    private static final Pattern NUMBERED = Pattern.compile("\\d+[.)]\\s+(.*)");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])[*_](?![\\s*_])(.+?)(?<![\\s*_])[*_](?![\\w*])");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");

    private MarkdownText() {}

    /** Sanitised HTML of {@code markdown}, one {@code <div>} (empty for null). */
    public static String toHtml(String markdown) {
        StringBuilder html = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        String list = null;
        boolean code = false;
        for (String line : (markdown == null ? "" : markdown).split("\\R", -1)) {
            if (line.strip().startsWith("```")) {
                flush(html, paragraph);
                list = closeList(html, list);
                html.append(code ? "</code></pre>" : "<pre><code>");
                code = !code;
                continue;
            }
            if (code) {
                html.append(escape(line)).append('\n');
                continue;
            }
            String text = line.strip();
            Matcher heading = HEADING.matcher(text);
            Matcher bullet = BULLET.matcher(text);
            Matcher numbered = NUMBERED.matcher(text);
            String itemList = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
            if (text.isEmpty() || heading.matches() || itemList != null) {
                flush(html, paragraph);
            }
            if (!Objects.equals(list, itemList)) {
                list = closeList(html, list);
            }
            if (heading.matches()) {
                int level = heading.group(1).length() + 2;
                html.append("<h")
                        .append(level)
                        .append('>')
                        .append(inline(heading.group(2)))
                        .append("</h")
                        .append(level)
                        .append('>');
            } else if (itemList != null) {
                if (list == null) {
                    list = itemList;
                    html.append('<').append(list).append('>');
                }
                html.append("<li>")
                        .append(inline((bullet.matches() ? bullet : numbered).group(1)))
                        .append("</li>");
            } else if (!text.isEmpty()) {
                paragraph.add(text);
            }
        }
        flush(html, paragraph);
        closeList(html, list);
        if (code) {
            html.append("</code></pre>");
        }
        return "<div>" + Jsoup.clean(html.toString(), "", SAFE, new Document.OutputSettings().prettyPrint(false))
                + "</div>";
    }

    private static void flush(StringBuilder html, List<String> paragraph) {
        if (!paragraph.isEmpty()) {
            html.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>");
            paragraph.clear();
        }
    }

    private static String closeList(StringBuilder html, String list) {
        if (list != null) {
            html.append("</").append(list).append('>');
        }
        return null;
    }

    private static String inline(String text) {
        String s = escape(text);
        s = CODE.matcher(s).replaceAll("<code>$1</code>");
        s = LINK.matcher(s).replaceAll("<a href=\"$2\">$1</a>");
        s = BOLD.matcher(s).replaceAll("<strong>$1</strong>");
        return ITALIC.matcher(s).replaceAll("<em>$1</em>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
