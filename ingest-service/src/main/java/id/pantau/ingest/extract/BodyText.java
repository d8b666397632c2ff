package id.pantau.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * Turns body containers into clean paragraphs: one paragraph per block element ({@code p}, headings,
 * list items, quotes, text directly in a {@code div}, lines split by {@code <br>}), whitespace
 * normalised, and page furniture dropped: "Baca juga:" links, "ADVERTISEMENT", "SCROLL TO RESUME
 * CONTENT", share widgets ("Share", "Sebarkan:"), and everything from a "Berita Terkait", "Recent
 * Posts" or "Komentar" heading on. Pure, thread-safe.
 */
final class BodyText {

    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
            "h6", "li", "ul", "ol", "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "header", "footer",
            "center", "address");
    private static final Set<String> SKIPPED = Set.of("figure", "figcaption", "script", "style", "noscript", "template",
            "iframe", "svg", "button", "select", "textarea", "input", "img", "video", "audio", "picture", "object");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0\\u2007\\u202f\\u200b]+");
    private static final Pattern INLINE_LINK = Pattern.compile(
            "(?iu)^(baca juga|baca pula|lihat juga|simak juga|baca selengkapnya|artikel terkait|read also|see also)\\b.*");
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
        return clean(raw);
    }

    /** Drops furniture and the related-articles tail from already split paragraphs. */
    static List<String> clean(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String paragraph : raw) {
            String text = normalise(paragraph);
            if (text.isEmpty()) {
                continue;
            }
            String key = text.toLowerCase(Locale.ROOT).replaceAll("\\s*:$", "");
            if (TAIL_MARKERS.contains(key)) {
                break;
            }
            if (FURNITURE.contains(key) || INLINE_LINK.matcher(text).matches()) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).equals(text)) {
                continue;
            }
            out.add(text);
        }
        return out;
    }

    /** Whitespace (including no-break and zero-width spaces) collapsed to single spaces, stripped. */
    static String normalise(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    private static List<String> blocks(Element container) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    current.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    String name = element.normalName();
                    if (SKIPPED.contains(name)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (name.equals("br") || BLOCKS.contains(name)) {
                        flush(blocks, current);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    flush(blocks, current);
                }
                return FilterResult.CONTINUE;
            }
        }, container);
        flush(blocks, current);
        return blocks;
    }

    private static void flush(List<String> blocks, StringBuilder current) {
        String text = normalise(current.toString());
        if (!text.isEmpty()) {
            blocks.add(text);
        }
        current.setLength(0);
    }
}
