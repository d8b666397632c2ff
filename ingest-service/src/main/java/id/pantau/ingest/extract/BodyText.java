package id.pantau.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns body containers into clean paragraphs: one paragraph per block element ({@code p}, headings,
 * list items, quotes, text directly in a {@code div}, lines split by {@code <br>}), whitespace
 * normalised, and page furniture dropped: "Baca juga:" links, "ADVERTISEMENT", "SCROLL TO RESUME
 * CONTENT", share widgets ("Share", "Sebarkan:"), and everything from a "Berita Terkait", "Recent
 * Posts" or "Komentar" heading on. Pure, thread-safe.
 */
final class BodyText {

    /** What an element is to the text of a body: see {@link #kind}. */
    static final int INLINE = 0;
    static final int BLOCK = 1;
    static final int LINE_BREAK = 2;
    static final int SKIPPED = 3;

    private static final List<String> INLINE_LINK_PREFIXES = List.of("baca juga", "baca pula", "lihat juga", "simak juga",
            "baca selengkapnya", "artikel terkait", "read also", "see also");
    /** Furniture and tail markers are short; longer paragraphs are only checked for inline links. */
    private static final int MAX_FURNITURE_CHARS = 80;
    private static final Set<String> FURNITURE = Set.of("advertisement", "scroll to resume content", "scroll to continue with content",
            "share", "sebarkan", "bagikan", "iklan", "tutup iklan", "url berhasil dicopy", "published by", "ikuti kami di",
            "facebook twitter whatsapp telegram line copy", "facebook icon twitter icon whatsapp icon telegram icon line icon copy",
            "- baca berita terbaru lainnya di google news", "baca berita terbaru lainnya di google news",
            "- dapatkan berita viral via saluran whatsapp", "dapatkan berita viral via saluran whatsapp",
            "!!!membaca bagi pikiran seperti olahraga bagi tubuh!!!");
    private static final Set<String> TAIL_MARKERS = Set.of("berita terkait", "recent posts", "komentar", "berita terkini",
            "berita populer", "berita terbaru", "baca berita lainnya", "related posts", "comments", "tinggalkan balasan",
            "leave a reply");

    private BodyText() {}

    /** The clean paragraphs of {@code containers}, in order; furniture and the tail after a marker are dropped. */
    static List<String> paragraphs(List<Element> containers) {
        List<String> raw = new ArrayList<>();
        for (Element container : containers) {
            raw.addAll(blocks(container));
        }
        return clean(raw, true);
    }

    /** {@link #paragraphs} of the blocks a walk gathered with a {@link Blocks} per container, in order. */
    static List<String> paragraphsOfBlocks(List<String> blocks) {
        return clean(blocks, true);
    }

    /**
     * {@link #BLOCK} for the elements that make a paragraph of their own, {@link #LINE_BREAK} for
     * {@code br}, {@link #SKIPPED} for those whose text is not article text (figures, scripts, media,
     * form controls), else {@link #INLINE}; by normal (lower-case) tag name.
     */
    static int kind(String normalName) {
        return switch (normalName) {
            case "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "pre",
                    "table", "tr", "td", "th", "dl", "dt", "dd", "header", "footer", "center", "address" -> BLOCK;
            case "br" -> LINE_BREAK;
            case "figure", "figcaption", "script", "style", "noscript", "template", "iframe", "svg", "button", "select", "textarea",
                    "input", "img", "video", "audio", "picture", "object" -> SKIPPED;
            default -> INLINE;
        };
    }

    /** Drops furniture and the related-articles tail from already split paragraphs. */
    static List<String> clean(List<String> raw) {
        return clean(raw, false);
    }

    private static List<String> clean(List<String> raw, boolean normalised) {
        List<String> out = new ArrayList<>();
        for (String paragraph : raw) {
            // blocks() already normalised; this covers paragraphs from JSON-LD and the generic extractor
            String text = normalised ? paragraph : normalise(paragraph);
            if (text.isEmpty()) {
                continue;
            }
            if (text.length() <= MAX_FURNITURE_CHARS) {
                String key = furnitureKey(text);
                if (TAIL_MARKERS.contains(key)) {
                    break;
                }
                if (FURNITURE.contains(key)) {
                    continue;
                }
            }
            if (isInlineLink(text)) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).equals(text)) {
                continue;
            }
            out.add(text);
        }
        return out;
    }

    /** Lower case, without a trailing colon: "Sebarkan:" and "Sebarkan :" are "sebarkan". */
    private static String furnitureKey(String text) {
        String key = text.toLowerCase(Locale.ROOT);
        int end = key.length();
        if (end > 0 && key.charAt(end - 1) == ':') {
            end--;
            while (end > 0 && key.charAt(end - 1) == ' ') {
                end--;
            }
        }
        return key.substring(0, end);
    }

    private static boolean isInlineLink(String text) {
        // every prefix starts with b, l, s, a or r; regionMatches ignoring case matches those only with
        // themselves, their upper case and, for s, the long s
        if (text.isEmpty() || "bBlLsSaArR\u017F".indexOf(text.charAt(0)) < 0) {
            return false;
        }
        for (String prefix : INLINE_LINK_PREFIXES) {
            if (text.regionMatches(true, 0, prefix, 0, prefix.length())
                    && (text.length() == prefix.length() || !Character.isLetter(text.charAt(prefix.length())))) {
                return true;
            }
        }
        return false;
    }

    /** Whitespace (including no-break and zero-width spaces) collapsed to single spaces, stripped. */
    static String normalise(String text) {
        if (isNormal(text)) {
            return text;
        }
        StringBuilder out = null;
        boolean pendingSpace = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = true;
                if (out == null) {
                    out = new StringBuilder(length).append(text, 0, i);
                }
                continue;
            }
            if (out != null) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                out.append(c);
            }
            pendingSpace = false;
        }
        if (out == null) {
            return text;
        }
        return out.toString();
    }

    /** Already normalised: no space at either end, every space a plain ' ' between two other characters. */
    private static boolean isNormal(String text) {
        int length = text.length();
        boolean previousSpace = true;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c > ' ' && c < '\u00a0') {
                previousSpace = false;
            } else if (isSpace(c)) {
                if (previousSpace || c != ' ') {
                    return false;
                }
                previousSpace = true;
            } else {
                previousSpace = false;
            }
        }
        return !previousSpace || length == 0;
    }

    /** Whether {@link #normalise} treats {@code c} as whitespace. */
    static boolean isSpace(char c) {
        if (c > ' ') {
            // the common case, letters and punctuation, in one comparison
            return c >= '\u00a0' && (c == '\u00a0' || c == '\u2007' || c == '\u202f' || c == '\u200b'
                    || (c > '\u2000' && Character.isWhitespace(c)));
        }
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b';
    }

    /**
     * The blocks of {@code container}, each already normalised: text is appended with whitespace runs
     * collapsed as it comes (one builder, no second pass), which gives exactly {@link #normalise} of the
     * block's raw text.
     */
    static List<String> blocks(Element container) {
        Blocks blocks = new Blocks();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    blocks.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    int kind = kind(element.normalName());
                    if (kind == SKIPPED) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (kind != INLINE) {
                        blocks.flush();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && kind(element.normalName()) == BLOCK) {
                    blocks.flush();
                }
                return FilterResult.CONTINUE;
            }
        }, container);
        blocks.flush();
        return blocks.done;
    }

    /**
     * The blocks of text being read from one container: text is appended as it comes, a block ends at
     * {@link #flush}; {@link #done} holds the finished blocks, each already normalised.
     */
    static final class Blocks {
        final List<String> done = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        /** Whitespace seen since the last character appended; written as one space before the next one. */
        private boolean pendingSpace;

        /**
         * Appends each run of already normal text at once (non-space characters with single plain spaces
         * between them), one space before it when other whitespace came before.
         */
        void append(String text) {
            int length = text.length();
            int i = 0;
            while (i < length) {
                if (isSpace(text.charAt(i))) {
                    pendingSpace = true;
                    i++;
                    continue;
                }
                int start = i;
                while (i < length) {
                    char c = text.charAt(i);
                    if (!isSpace(c)) {
                        i++;
                    } else if (c == ' ' && i + 1 < length && !isSpace(text.charAt(i + 1))) {
                        i += 2;
                    } else {
                        break;
                    }
                }
                if (pendingSpace && current.length() > 0) {
                    current.append(' ');
                }
                current.append(text, start, i);
                pendingSpace = false;
            }
        }

        /** Ends the current block. */
        void flush() {
            if (current.length() > 0) {
                done.add(current.toString());
                current.setLength(0);
            }
            pendingSpace = false;
        }
    }
}
