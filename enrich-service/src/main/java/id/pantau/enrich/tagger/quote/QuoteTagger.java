package id.pantau.enrich.tagger.quote;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.official.OfficialMention;
import id.pantau.enrich.tagger.official.OfficialTagging;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.Quote;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds direct quotes and their speakers. A quote is text between double quote marks (straight or
 * curly) within one paragraph, followed by an attribution ("kata Harisson", "ujar Pipit", "tegas X")
 * or preceded by one ("Harisson mengatakan, “...”", "Menurut Pipit, “...”", "Ia menegaskan: “...”"),
 * or ending in punctuation. The speaker of "kata X" is X, linked to the official mentioned there or
 * named X; the speaker of "ujarnya", "tegasnya", "katanya" (and of "Ia mengatakan") is the last person
 * named before the quote in its paragraph or the two before it, otherwise it stays unknown rather than
 * guessed. A person is an official mention, a speaker named by an earlier attribution ("kata Budi") or a
 * name introduced as a person ("Budi, seorang pedagang,", "Budi (45)", "pedagang bernama Budi"); a
 * person who is no official keeps the name with no official id.
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

    private static final String NAME = "\\p{Lu}[\\p{L}'-]+(?:\\s+\\p{Lu}[\\p{L}'-]+){0,3}";
    /** "Budi, seorang pedagang,", "Siti (45), warga Desa X", "Budi (45)", "pedagang bernama Budi": a person who is no official. */
    private static final Pattern PERSON = Pattern.compile(
            "(?<![\\p{L}.])(?<!\\b(?:di|ke|dari|Di|Ke|Dari)\\s)(?<name>" + NAME + ")"
                    + "(?:\\s*\\(\\d{1,3}\\)|\\s*,\\s*(?:seorang|salah\\s+seorang|salah\\s+satu|warga|pedagang|petani|nelayan|guru"
                    + "|mahasiswa|pelajar|pengamat|buruh|sopir|relawan|tokoh|pemilih|penjual|karyawan|pengusaha|aktivis|pengunjung"
                    + "|peserta|ibu|bapak|pemuda|dosen|penduduk|pemilik|pekerja|penumpang)\\b)"
                    + "|\\b(?:bernama|namanya)\\s+(?<named>" + NAME + ")");
    /** Capitalised words that open sentences or name places and bodies, never a person introduced above. */
    private static final Set<String> NOT_PERSON = Set.of(
            "sebelumnya", "sementara", "selain", "namun", "kemudian", "menurut", "saat", "di", "ke", "dari", "dalam", "sejak",
            "hingga", "akibatnya", "karena", "meski", "sedangkan", "adapun", "bahkan", "kini", "kemarin", "senin", "selasa",
            "rabu", "kamis", "jumat", "sabtu", "minggu", "pagi", "siang", "sore", "malam", "selanjutnya", "sebab", "oleh",
            "untuk", "ia", "dia", "mereka", "kami", "kita", "pada", "setelah", "usai", "terpisah", "begitu", "akhirnya",
            "sayangnya", "lalu", "itu", "ini", "hal", "saya", "aku", "kamu", "anda", "beliau", "bapak", "ibu", "kabupaten", "kota", "provinsi", "kecamatan", "desa", "kelurahan",
            "pemkab", "pemkot", "pemprov", "selama", "tahun", "bulan", "pekan", "hari", "sebagai", "bagi", "tak", "tidak");

    /** A person named at {@code start}: an official (with id) or not (id null). */
    private record Person(int start, int end, String name, @Nullable String officialId) {}

    /** Quotes in {@code article}, in text order, with speakers resolved against {@code officials}. */
    public List<Quote> tag(ArticleText article, OfficialTagging officials) {
        String text = article.text();
        List<Quote> quotes = new ArrayList<>();
        List<Person> persons = persons(text, officials);
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
                    Quote quote = attributedQuote(text, quoted, i, attribution, officials, persons);
                    quotes.add(quote);
                    if (attribution.group("name") != null && quote.getSpeaker() != null) {
                        // "kata Budi": Budi is the last person named for the next "ujarnya"
                        persons.add(new Person(attribution.start("name"), attribution.end("name"), quote.getSpeaker(), quote.getSpeakerOfficialId()));
                    }
                } else if (preAttributed) {
                    quotes.add(preAttributedQuote(text, quoted, i, before, paragraphStart(text, i), officials, persons));
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

    /** Official mentions and the people introduced as persons who are no officials, in text order. */
    private static List<Person> persons(String text, OfficialTagging officials) {
        List<Person> out = new ArrayList<>();
        for (OfficialMention mention : officials.mentions()) {
            out.add(new Person(mention.start(), mention.end(), nameOf(mention, officials), mention.officialId()));
        }
        Matcher m = PERSON.matcher(text);
        while (m.find()) {
            String group = m.group("name") != null ? "name" : "named";
            int start = m.start(group);
            int end = m.end(group);
            String name = m.group(group);
            boolean isWord = Arrays.stream(name.toLowerCase(Locale.ROOT).split("\\s+")).anyMatch(NOT_PERSON::contains);
            boolean official = officials.mentions().stream().anyMatch(o -> o.start() < end && o.end() > start);
            if (!isWord && !official) {
                OfficialTag byName = tagNamed(name, officials.tags());
                out.add(byName == null ? new Person(start, end, name, null) : new Person(start, end, byName.getName(), byName.getOfficialId()));
            }
        }
        return out;
    }

    private static Quote attributedQuote(String text, String quoted, int offset, Matcher attribution, OfficialTagging officials, List<Person> persons) {
        if (attribution.group("verbNya") != null) {
            Person person = lastPersonBefore(text, offset, persons);
            return person == null ? new Quote(quoted, null, null, offset) : new Quote(quoted, person.name(), person.officialId(), offset);
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

    private static Quote preAttributedQuote(
            String text, String quoted, int offset, Matcher before, int base, OfficialTagging officials, List<Person> persons) {
        if (before.group("pronoun") != null) {
            Person person = lastPersonBefore(text, base + before.start("pronoun"), persons);
            return person == null ? new Quote(quoted, null, null, offset) : new Quote(quoted, person.name(), person.officialId(), offset);
        }
        String group = before.group("name") != null ? "name" : "menurut";
        return named(quoted, offset, stripTrailingDot(before.group(group)), base + before.start(group), officials);
    }

    private static String stripTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static @Nullable Person lastPersonBefore(String text, int offset, List<Person> persons) {
        int windowStart = paragraphStart(text, offset);
        for (int back = 0; back < NYA_PARAGRAPHS_BACK && windowStart > 0; back++) {
            windowStart = paragraphStart(text, windowStart - 1);
        }
        Person last = null;
        for (Person person : persons) {
            if (person.end() <= offset && person.start() >= windowStart && (last == null || person.start() > last.start())) {
                last = person;
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
