package org.factlab.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and image in README.md and docs/*.md leads to a file that exists, and every {@code #anchor}
 * into a Markdown file names one of its headings, slugged as GitHub slugs them. Links in code blocks and code spans
 * are not links; absolute URLs ({@code https:}, {@code mailto:}, …) are not checked.
 */
class DocumentationLinksTest {

    private static final Path ROOT =
            Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();

    /** The target of an inline link or image: {@code ](target)} or {@code ](target "title")}. */
    private static final Pattern INLINE = Pattern.compile("\\]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition: {@code [label]: target}. */
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>]*>|\\S+)");

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkInTheReadmeAndDocsResolves() throws IOException {
        List<Path> files = documents();
        assertTrue(files.contains(ROOT.resolve("README.md")), "README.md is read from " + ROOT);
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path file : files) {
            for (Link link : links(file)) {
                links++;
                String problem = problem(file, link.target());
                if (problem != null) {
                    broken.add(ROOT.relativize(file) + ":" + link.line() + ": " + link.target() + " — " + problem);
                }
            }
        }
        assertTrue(links > 20, "only " + links + " links found: is the scanner reading the files?");
        assertEquals(List.of(), broken, "broken links");
    }

    @Test
    void slugsFollowGitHub() {
        assertEquals("several-workers-postgresql", slug("Several workers (PostgreSQL)"));
        assertEquals(
                "inspect--fact-diagnostics-of-a-network-you-trained-elsewhere-3-theorem-31",
                slug("`inspect` — FACT diagnostics of a network you trained elsewhere (§3, Theorem 3.1)"));
        assertEquals("agop1l-per-layer-appendix-c-figure-11", slug("AGOP^{1/L} per layer (Appendix C, Figure 11)"));
        assertEquals("the-readme", slug("The [README](../README.md)"));
    }

    @Test
    void aBrokenLinkIsFound(@org.junit.jupiter.api.io.TempDir Path folder) throws IOException {
        Path doc = folder.resolve("doc.md");
        Files.writeString(
                doc,
                "# Title\n\n## A part\n\n[ok](doc.md#a-part) [ok](#title) [gone](missing.md) "
                        + "[no heading](doc.md#nowhere) `[code](missing.md)`\n\n```\n[fenced](missing.md)\n```\n"
                        + "![image](missing.png) [web](https://example.org/missing.md)\n");
        List<String> problems = new ArrayList<>();
        for (Link link : links(doc)) {
            String problem = problem(doc, link.target());
            if (problem != null) {
                problems.add(link.target());
            }
        }
        assertEquals(List.of("missing.md", "doc.md#nowhere", "missing.png"), problems);
    }

    private static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .sorted()
                    .forEach(files::add);
        }
        return files;
    }

    record Link(int line, String target) {}

    /** The link targets of a Markdown file, outside fenced code blocks and code spans. */
    static List<Link> links(Path file) throws IOException {
        List<Link> found = new ArrayList<>();
        int number = 0;
        String fence = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String trimmed = line.stripLeading();
            if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = trimmed.substring(0, 3);
                continue;
            }
            String text = CODE_SPAN.matcher(line).replaceAll("");
            Matcher inline = INLINE.matcher(text);
            while (inline.find()) {
                found.add(new Link(number, unbracket(inline.group(1))));
            }
            Matcher reference = REFERENCE.matcher(text);
            if (reference.find()) {
                found.add(new Link(number, unbracket(reference.group(1))));
            }
        }
        return found;
    }

    private static String unbracket(String target) {
        return target.startsWith("<") && target.endsWith(">") ? target.substring(1, target.length() - 1) : target;
    }

    /** Why a link from {@code from} is broken, or null when it resolves (or is not relative). */
    private String problem(Path from, String target) throws IOException {
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path resolved = path.isEmpty()
                ? from
                : (path.startsWith("/")
                                ? ROOT.resolve(path.substring(1))
                                : from.getParent()
                                        .resolve(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)))
                        .normalize();
        if (!Files.exists(resolved)) {
            return "no such file " + resolved;
        }
        if (anchor == null
                || anchor.isEmpty()
                || !resolved.getFileName().toString().endsWith(".md")) {
            return null;
        }
        return anchors(resolved).contains(anchor) ? null : "no heading #" + anchor + " in " + resolved.getFileName();
    }

    private Set<String> anchors(Path markdown) throws IOException {
        Set<String> known = anchors.get(markdown);
        if (known == null) {
            known = headingAnchors(markdown);
            anchors.put(markdown, known);
        }
        return known;
    }

    /** The anchors GitHub gives a file's headings (a repeated slug gets -1, -2, …), and explicit HTML anchors. */
    static Set<String> headingAnchors(Path markdown) throws IOException {
        Set<String> slugs = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        String fence = null;
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            String trimmed = line.stripLeading();
            if (fence != null) {
                if (trimmed.startsWith(fence)) {
                    fence = null;
                }
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fence = trimmed.substring(0, 3);
                continue;
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                slugs.add(html.group(1));
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(2));
                int count = seen.merge(slug, 1, Integer::sum);
                slugs.add(count == 1 ? slug : slug + "-" + (count - 1));
            }
        }
        return slugs;
    }

    /**
     * GitHub's heading slug (github-slugger): the heading's text as rendered (links and images by their text, code
     * spans by their code, emphasis markers dropped), lower-cased, every character that is not a letter, a mark, a
     * number, a connector (_), a hyphen or a space removed, each space made a hyphen.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("`", "")
                .replaceAll("(\\*\\*|__|\\*)", "");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]", "")
                .replace(' ', '-');
    }
}
