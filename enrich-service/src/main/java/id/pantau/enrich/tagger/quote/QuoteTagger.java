package id.pantau.enrich.tagger.quote;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.official.OfficialMention;
import id.pantau.enrich.tagger.official.OfficialTagging;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.Quote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds direct quotes and their speakers. A quote is text between double quote marks (straight or
 * curly) within one paragraph, followed by an attribution ("kata Harisson", "ujar Pipit", "tegas X")
 * or preceded by one ("Harisson mengatakan, “...”", "Menurut Pipit, “...”", "Ia menegaskan: “...”"),
 * or ending in punctuation. The speaker of "kata X" is X, linked to the official mentioned there or
 * named X; the speaker of "ujarnya", "tegasnya", "katanya" is the last official mentioned before
 * the quote in its paragraph or the two before it, otherwise it stays unknown rather than guessed.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuoteTagger {

    /** Paragraphs searched backwards for the official an "-nya" attribution points at (the quote's own and this many before). */
    static final int NYA_PARAGRAPHS_BACK = 2;

    private static final String VERBS = "kata|ujar|tegas|tambah|jelas|tutup|ungkap|sebut|tutur|pungkas|imbuh|terang|lanjut|papar|ucap|seru|pinta|harap|ajak|cetus|beber|urai";
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "\\G\\s*,?\\s*(?:(?<verbNya>(?:" + VERBS + ")nya)\\b|(?<verb>" + VERBS + ")\\s+(?<name>\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,5}))");
    /** "Harisson mengatakan, “...”", "Menurut Pipit, “...”", "Ia menegaskan: “...”" just before the quote. */
    private static final Pattern PRE_ATTRIBUTION = Pattern.compile(
            "(?:(?<pronoun>\\b(?:Ia|Dia|Beliau))|(?<name>\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,5}))"
                    + "(?:\\s+(?:juga|pun|kemudian|lalu))?\\s+(?:mengatakan|menegaskan|menjelaskan|menyatakan|mengungkapkan|menambahkan|berkata|berpesan)"
                    + "\\s*[,:]\\s*$|\\bMenurut\\s+(?<menurut>\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,5})\\s*,\\s*$");
    private static final int MIN_WORDS = 3;

    /** Quotes in {@code article}, in text order, with speakers resolved against {@code officials}. */
    public List<Quote> tag(ArticleText article, OfficialTagging officials) {
        String text = article.text();
        List<Quote> quotes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '"' && c != '\u201C') {
                i++;
                continue;
            }
            int close = closingQuote(text, i + 1);
            if (close < 0) {
                i++;
                continue;
            }
            String inner = text.substring(i + 1, close).strip();
            Matcher attribution = ATTRIBUTION.matcher(text);
            attribution.region(close + 1, text.length());
            boolean attributed = attribution.find();
            Matcher before = PRE_ATTRIBUTION.matcher(text.substring(paragraphStart(text, i), i));
            boolean preAttributed = !attributed && before.find();
            if (inner.split("\\s+").length >= MIN_WORDS && (attributed || preAttributed || endsWithPunctuation(inner))) {
                String quoted = inner.endsWith(",") ? inner.substring(0, inner.length() - 1).strip() : inner;
                if (attributed) {
                    quotes.add(attributedQuote(text, quoted, i, attribution, officials));
                } else if (preAttributed) {
                    quotes.add(preAttributedQuote(text, quoted, i, before, paragraphStart(text, i), officials));
                } else {
                    quotes.add(new Quote(quoted, null, null, i));
                }
            }
            i = close + 1;
        }
        return quotes;
    }

    private static int closingQuote(String text, int from) {
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '\u201D' || c == '"') {
                return j;
            }
            if (c == '\n' || c == '\u201C') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean endsWithPunctuation(String inner) {
        char last = inner.charAt(inner.length() - 1);
        return last == '.' || last == ',' || last == '!' || last == '?';
    }

    private static Quote attributedQuote(String text, String quoted, int offset, Matcher attribution, OfficialTagging officials) {
        if (attribution.group("verbNya") != null) {
            OfficialMention mention = lastMentionBefore(text, offset, officials.mentions());
            if (mention == null) {
                return new Quote(quoted, null, null, offset);
            }
            return new Quote(quoted, nameOf(mention, officials), mention.officialId(), offset);
        }
        return named(quoted, offset, stripTrailingDot(attribution.group("name")), attribution.start("name"), officials);
    }

    private static Quote named(String quoted, int offset, String name, int nameStart, OfficialTagging officials) {
        int nameEnd = nameStart + name.length();
        for (OfficialMention mention : officials.mentions()) {
            if (mention.start() < nameEnd && mention.end() > nameStart) {
                return new Quote(quoted, nameOf(mention, officials), mention.officialId(), offset);
            }
        }
        // a name led by an office ("Pj Gubernur Harisson") links through its last word
        String lastWord = name.substring(name.lastIndexOf(' ') + 1);
        OfficialTag byName = tagNamed(name, officials.tags());
        if (byName == null) {
            byName = tagNamed(lastWord, officials.tags());
        }
        return byName == null
                ? new Quote(quoted, name, null, offset)
                : new Quote(quoted, byName.getName(), byName.getOfficialId(), offset);
    }

    private static Quote preAttributedQuote(String text, String quoted, int offset, Matcher before, int base, OfficialTagging officials) {
        if (before.group("pronoun") != null) {
            OfficialMention mention = lastMentionBefore(text, base + before.start("pronoun"), officials.mentions());
            return mention == null ? new Quote(quoted, null, null, offset) : new Quote(quoted, nameOf(mention, officials), mention.officialId(), offset);
        }
        String group = before.group("name") != null ? "name" : "menurut";
        return named(quoted, offset, stripTrailingDot(before.group(group)), base + before.start(group), officials);
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static @Nullable OfficialMention lastMentionBefore(String text, int offset, List<OfficialMention> mentions) {
        int windowStart = paragraphStart(text, offset);
        for (int back = 0; back < NYA_PARAGRAPHS_BACK && windowStart > 0; back++) {
            windowStart = paragraphStart(text, windowStart - 1);
        }
        OfficialMention last = null;
        for (OfficialMention mention : mentions) {
            if (mention.end() <= offset && mention.start() >= windowStart && (last == null || mention.start() > last.start())) {
                last = mention;
            }
        }
        return last;
    }

    /** Start of the paragraph holding {@code offset}: just after the last blank-line or line break before it. */
    private static int paragraphStart(String text, int offset) {
        int i = offset;
        while (i > 0 && text.charAt(i - 1) == '\n') {
            i--;
        }
        int lineBreak = text.lastIndexOf('\n', i - 1);
        return lineBreak < 0 ? 0 : lineBreak + 1;
    }

    private static String nameOf(OfficialMention mention, OfficialTagging officials) {
        for (OfficialTag tag : officials.tags()) {
            if (tag.getOfficialId().equals(mention.officialId())) {
                return tag.getName();
            }
        }
        return mention.nameAsWritten();
    }

    private static @Nullable OfficialTag tagNamed(String name, List<OfficialTag> tags) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (OfficialTag tag : tags) {
            for (String word : tag.getName().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (wanted.equals(word) || wanted.equals(tag.getName().toLowerCase(Locale.ROOT))) {
                    return tag;
                }
            }
        }
        return null;
    }
}
