package org.factlab.experiments.paper;

/**
 * The paper's notation as plain Unicode text, so that no page shows TeX source: {@code AGOP^{1/L}} is written
 * AGOP¹ᐟᴸ, {@code M_{t−1}} Mₜ₋₁, {@code W^T} Wᵀ. A script whose characters all have a Unicode superscript or
 * subscript form gets them; one that has none (λ, θ, F of {@code L_λ}, {@code ‖A‖_F}) is set inline
 * after it (Lλ, ‖A‖F), never with its TeX markers. Plain text passes unchanged.
 */
public final class TexText {

    private static final String SUPER_FROM = "0123456789+-−=()/ABDEGHIJKLMNOPRTUVWabcdefghijklmnoprstuvwxyzℓ";
    private static final String SUPER_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᐟᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻˡ";
    private static final String SUB_FROM = "0123456789+-−=()aehijklmnoprstuvxβγρφχ";
    private static final String SUB_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ";

    private TexText() {}

    /** {@code tex} with every {@code ^x}, {@code ^{…}}, {@code _x} and {@code _{…}} written as Unicode text. */
    public static String of(String tex) {
        if (tex == null || (tex.indexOf('^') < 0 && tex.indexOf('_') < 0)) {
            return tex;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < tex.length()) {
            char c = tex.charAt(i);
            boolean script = (c == '^' || c == '_') && i > 0 && i + 1 < tex.length() && !isSpace(tex.charAt(i - 1));
            if (!script) {
                out.append(c);
                i++;
                continue;
            }
            int end = scriptEnd(tex, i + 1);
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            boolean braced = tex.charAt(i + 1) == '{';
            String body = braced ? tex.substring(i + 2, end - 1) : tex.substring(i + 1, end);
            out.append(c == '^' ? superscript(body) : subscript(body));
            i = end;
        }
        return out.toString();
    }

    /** The index after a script's body starting at {@code start}: a braced group or one character; -1 if none. */
    private static int scriptEnd(String tex, int start) {
        char first = tex.charAt(start);
        if (first == '{') {
            int depth = 0;
            for (int j = start; j < tex.length(); j++) {
                depth += tex.charAt(j) == '{' ? 1 : tex.charAt(j) == '}' ? -1 : 0;
                if (depth == 0) {
                    return j + 1;
                }
            }
            return -1;
        }
        boolean wordBefore = start >= 3
                && Character.isLetterOrDigit(tex.charAt(start - 2))
                && Character.isLetterOrDigit(tex.charAt(start - 3));
        if (tex.charAt(start - 1) == '_' && wordBefore) {
            return -1; // a key such as train_x: a subscript follows a single symbol, not a word
        }
        if (Character.isLetterOrDigit(first) || first == '∞') {
            // an identifier-like key (test_accuracy, layer1/sqrt_agop) is not TeX: only a single character follows
            boolean wordFollows = start + 1 < tex.length() && Character.isLetterOrDigit(tex.charAt(start + 1));
            return wordFollows ? -1 : start + 1;
        }
        return -1;
    }

    private static String superscript(String body) {
        return mapped(body, SUPER_FROM, SUPER_TO);
    }

    private static String subscript(String body) {
        return mapped(body, SUB_FROM, SUB_TO);
    }

    /** Every character of {@code body} mapped, or {@code body} itself inline when one has no such form. */
    private static String mapped(String body, String from, String to) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < body.length(); k++) {
            int at = from.indexOf(body.charAt(k));
            if (at < 0) {
                return body.length() == 1 ? body : "(" + of(body) + ")";
            }
            out.append(to.charAt(at));
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c);
    }
}
