package id.pantau.ingest.extract.generic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Writes the located body as clean paragraphs: one per block element (paragraph, heading, list item,
 * quote), without furniture, captions, link lists and "Baca juga:" / "ADVERTISEMENT" lines.
 */
final class BodyWriter {

    private static final Set<String> BREAKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "th", "br",
            "hr", "header", "figure", "form", "center", "address", "details", "summary", "tbody", "thead");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> LINK_LIST_TAGS = Set.of("ul", "ol", "div", "section", "table", "dl");

    /** Lines that are page furniture wherever they appear. */
    static final Pattern NOISE_LINE = Pattern.compile(
            "(?i)^\\W*(?:(?:baca|lihat|simak)\\s+(?:juga|pula|selengkapnya|berita)\\b.*"
                    + "|advertisement|advertisment|iklan|scroll to (?:resume|continue)(?: with)? content"
                    + "|(?:read|see) (?:more|also)\\s*:.*|related\\s*:.*|also read\\s*:.*|berita terkait\\s*:?.*"
                    + "|share (?:this|on)\\b.*|bagikan\\b.*|follow us\\b.*|ikuti (?:kami|berita)\\b.*"
                    + "|(?:penulis|editor|reporter|wartawan|pewarta|redaktur|kontributor|fotografer|foto)\\s*:.{0,120}"
                    + "|halaman (?:selanjutnya|berikutnya|sebelumnya)|selanjutnya|halaman \\d+ dari \\d+)\\W*$");

    /**
     * The words a {@link #NOISE_LINE} starts with, after its non-word prefix: a line whose first word
     * starts with none of them cannot match, so the regex is not run.
     */
    private static final String[] NOISE_LINE_STARTS = {"baca", "lihat", "simak", "advertisement", "advertisment",
        "iklan", "scroll to ", "read ", "see ", "related", "also read", "berita terkait", "share ", "bagikan", "follow us",
        "ikuti ", "penulis", "editor", "reporter", "wartawan", "pewarta", "redaktur", "kontributor", "foto",
        "halaman ", "selanjutnya"};

    /** A line that is only a date and / or a time ("20 Nov, 2019 05:47", "Senin, 18/11/2024 13:39 WIB"). */
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?i)^[\\s,.|/:-]*(?:(?:mon|tue|wed|thu|fri|sat|sun|senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\\w*"
                    + "|\\d{1,4}|jan\\w*|feb\\w*|mar\\w*|apr\\w*|may|mei|jun\\w*|jul\\w*|aug\\w*|agu\\w*|sep\\w*"
                    + "|oct\\w*|okt\\w*|nov\\w*|dec\\w*|des\\w*|am|pm|wib|wita|wit|utc|gmt|et|est|edt|pst|pdt|cst|cdt|bst|cet|pukul|at"
                    + "|a\\.m\\.|p\\.m\\.|published|posted|updated|last|diperbarui|dipublikasikan|diposting|terbit|[\\s,.|/:()-])+$");

    /** A WordPress shortcode that leaked into the text: "[button link=...]Send[/button]". */
    private static final Pattern SHORTCODE_LINE = Pattern.compile("^\\[\\w+[^\\]]*\\].*\\[/\\w+\\]$");

    /** A call to subscribe, sign up, follow or download, in English or Indonesian. */
    static final Pattern PROMO = Pattern.compile(
            "(?i)\\b(?:subscribe|newsletters?|sign up|signup|follow (?:us|him|her|them)|download (?:our|the) app"
                    + "|follow\\b.{0,60}\\bon (?:twitter|facebook|instagram|youtube|tiktok)"
                    + "|^\\(?(?:additional )?(?:reporting|writing|editing) by\\b|contributed (?:reporting )?to this report"
                    + "|langganan|berlangganan|ikuti (?:kami|kanal|akun|berita)|unduh aplikasi|dapatkan (?:update|informasi)"
                    + "|gabung(?:lah)? (?:di|ke|dengan) (?:grup|kanal|channel))\\b");

    /**
     * Every match of {@link #PROMO} holds one of these (in any ASCII case): a paragraph without them
     * cannot match, so the regex is not run.
     */
    private static final String[] PROMO_WORDS = {"subscribe", "newsletter", "sign up", "signup", "follow",
        "download ", "ing by", "contributed", "langganan", "ikuti ", "unduh aplikasi", "dapatkan ", "gabung"};

    /** Furniture lines are short; a longer paragraph is never dropped as one. */
    private static final int MAX_NOISE_CHARS = 400;

    private BodyWriter() {}

    /** Paragraphs of {@code roots}, in order. */
    static List<String> write(List<Element> roots, boolean useClassHints) {
        return write(roots, useClassHints, new TextStats());
    }

    /** Paragraphs of {@code roots}, in order, measuring with {@code stats}. */
    static List<String> write(List<Element> roots, boolean useClassHints, TextStats stats) {
        Collector collector = new Collector(useClassHints, stats);
        for (Element root : roots) {
            NodeTraversor.filter(collector, root);
            collector.flush();
        }
        return withoutPromoTail(withoutOrphanHeadings(collector.paragraphs, collector.headings));
    }

    private static final class Collector implements NodeFilter {
        private final boolean useClassHints;
        private final List<String> paragraphs = new ArrayList<>();
        /** Indexes (in {@link #paragraphs}) of the paragraphs that are headings. */
        private final Set<Integer> headings = new HashSet<>();
        private int headingDepth;
        private final StringBuilder current = new StringBuilder();
        private int currentLinkChars;
        private int currentChars;
        private int linkDepth;
        private int preDepth;

        private final TextStats stats;

        Collector(boolean useClassHints, TextStats stats) {
            this.useClassHints = useClassHints;
            this.stats = stats;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode text) {
                append(text.getWholeText());
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element element)) {
                return FilterResult.CONTINUE;
            }
            if (Furniture.isFurniture(element, useClassHints) || Furniture.isOutsideBodyText(element)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = element.normalName();
            if (LINK_LIST_TAGS.contains(tag) && depth > 0 && isLinkList(element, stats)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (tag.equals("span") && isLinkCard(element, stats)) {
                // a name with its hover card: keep the name, drop the card
                if (element.childNode(0) instanceof Element first && first.nameIs("a")) {
                    linkDepth++;
                    append(first.text());
                    linkDepth--;
                }
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BREAKS.contains(tag)) {
                flush();
            } else if (tag.equals("td") || tag.equals("img")) {
                append(" ");
            }
            if (tag.equals("a")) {
                linkDepth++;
            } else if (tag.equals("pre")) {
                preDepth++;
            } else if (HEADINGS.contains(tag)) {
                headingDepth++;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element) {
                String tag = element.normalName();
                if (BREAKS.contains(tag)) {
                    flush();
                }
                if (tag.equals("a")) {
                    linkDepth--;
                } else if (tag.equals("pre")) {
                    preDepth--;
                } else if (HEADINGS.contains(tag)) {
                    headingDepth--;
                }
            }
            return FilterResult.CONTINUE;
        }

        private void append(String text) {
            int chars = TextStats.nonSpace(text);
            currentChars += chars;
            if (linkDepth > 0) {
                currentLinkChars += chars;
            }
            if (preDepth > 0) {
                current.append(text);
                return;
            }
            // whitespace runs become one space; the words between are copied whole
            int word = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    current.append(text, word, i);
                    word = i + 1;
                    if (!current.isEmpty() && current.charAt(current.length() - 1) != ' ') {
                        current.append(' ');
                    }
                }
            }
            current.append(text, word, text.length());
        }

        void flush() {
            String text = current.toString().strip();
            if (!text.isEmpty() && !isNoise(text, currentLinkChars, currentChars)) {
                if (headingDepth > 0) {
                    headings.add(paragraphs.size());
                }
                paragraphs.add(text);
            }
            current.setLength(0);
            currentChars = 0;
            currentLinkChars = 0;
        }
    }

    /**
     * Drops headings that head nothing: the last paragraph, or one followed directly by another heading
     * (the list under "Berita Terbaru" / "Related" was dropped, its heading stays behind).
     */
    private static List<String> withoutOrphanHeadings(List<String> paragraphs, Set<Integer> headings) {
        if (headings.isEmpty()) {
            return paragraphs;
        }
        List<String> kept = new ArrayList<>(paragraphs.size());
        for (int i = 0; i < paragraphs.size(); i++) {
            if (!headings.contains(i) || i + 1 < paragraphs.size() && !headings.contains(i + 1)) {
                kept.add(paragraphs.get(i));
            }
        }
        return kept;
    }

    /**
     * Drops calls to subscribe, follow or download and wire credits ("Reporting by ...") at the end of
     * the body (at most three short ones).
     */
    private static List<String> withoutPromoTail(List<String> paragraphs) {
        int end = paragraphs.size();
        while (end > 0 && paragraphs.size() - end < 3 && paragraphs.get(end - 1).length() < 300
                && isPromo(paragraphs.get(end - 1))) {
            end--;
        }
        return end == paragraphs.size() ? paragraphs : paragraphs.subList(0, end);
    }

    static boolean isPromo(String paragraph) {
        return mayBePromo(paragraph) && PROMO.matcher(paragraph).find();
    }

    /** False when {@code paragraph} holds none of the {@link #PROMO_WORDS}, so {@link #PROMO} finds nothing in it. */
    static boolean mayBePromo(String paragraph) {
        String lower = paragraph.toLowerCase(Locale.ROOT);
        for (String word : PROMO_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * False when the first word character of {@code line} (ASCII letter, digit or underscore, as
     * {@code \\W} does not match) starts none of the {@link #NOISE_LINE_STARTS}, so {@link #NOISE_LINE}
     * does not match it.
     */
    static boolean mayBeNoiseLine(String line) {
        int start = 0;
        while (start < line.length() && !isAsciiWordChar(line.charAt(start))) {
            start++;
        }
        for (String word : NOISE_LINE_STARTS) {
            if (line.regionMatches(true, start, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    static boolean isNoise(String text, int linkChars, int chars) {
        if (text.length() >= MAX_NOISE_CHARS) {
            return false;
        }
        if (mayBeNoiseLine(text) && NOISE_LINE.matcher(text).matches() || SHORTCODE_LINE.matcher(text).matches()
                || text.length() < 60 && DATE_LINE.matcher(text).matches()) {
            return true;
        }
        return chars > 0 && linkChars > 0.6 * chars && text.length() < 300 && !isSentence(text);
    }

    /** Ends like a sentence: a full stop, question or exclamation mark, possibly inside quotes. */
    private static boolean isSentence(String text) {
        int end = text.length() - 1;
        while (end > 0 && "\"'”’)»".indexOf(text.charAt(end)) >= 0) {
            end--;
        }
        char last = text.charAt(end);
        return (last == '.' || last == '!' || last == '?') && text.indexOf(' ') > 0;
    }

    /**
     * An inline hover card or link cluster inside running text: several links, next to no other text,
     * and no words of its own (a span that wraps a sentence around a card is not the card).
     */
    private static boolean isLinkCard(Element span, TextStats stats) {
        if (span.childrenSize() == 0 || stats.linkDensity(span) <= 0.8 || span.getElementsByTag("a").size() < 3) {
            return false;
        }
        int ownChars = 0;
        for (TextNode text : span.textNodes()) {
            ownChars += TextStats.nonSpace(text.getWholeText());
        }
        return ownChars < 10;
    }

    private static boolean isLinkList(Element element, TextStats stats) {
        return element.childrenSize() > 1 && stats.linkDensity(element) > 0.5;
    }
}
