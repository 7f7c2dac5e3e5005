package org.factlab.ui.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The notes' Markdown subset, and what the sanitiser removes. */
class MarkdownTextTest {

    @Test
    void rendersTheSubset() {
        assertEquals(
                "<div><h3>Result</h3><p>cos <strong>0.99</strong> at <em>λ</em> = <code>1e-7</code>, see "
                        + "<a href=\"https://arxiv.org\" rel=\"nofollow\">the "
                        + "paper</a></p><ul><li>one</li><li>two</li></ul>"
                        + "<ol><li>first</li></ol><pre><code>x &lt; 1\n</code></pre></div>",
                MarkdownText.toHtml("# Result\ncos **0.99** at *λ* =\n`1e-7`, see [the paper](https://arxiv.org)\n\n"
                        + "- one\n- two\n1. first\n```\nx < 1\n```"));
    }

    @Test
    void escapesHtmlAndDropsScriptLinks() {
        String html = MarkdownText.toHtml(
                "<script>alert(1)</script> <img src=x onerror=alert(1)> " + "[click](javascript:steal)");
        assertFalse(html.contains("<script") || html.contains("<img") || html.contains("javascript:"), html);
        assertEquals(
                "<div><p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; <a "
                        + "rel=\"nofollow\">click</a></p></div>",
                html);
    }

    @Test
    void emptyNotesAreAnEmptyDiv() {
        assertEquals("<div></div>", MarkdownText.toHtml(null));
    }
}
