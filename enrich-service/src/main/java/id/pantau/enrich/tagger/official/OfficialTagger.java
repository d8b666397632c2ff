package id.pantau.enrich.tagger.official;

import id.pantau.enrich.tagger.ArticleText;
import id.pantau.enrich.tagger.region.RegionGazetteer;
import id.pantau.enrich.tagger.text.KeywordMatcher;
import id.pantau.enrich.tagger.text.NormalizedText;
import id.pantau.schemas.avro.Official;
import id.pantau.schemas.avro.OfficialTag;
import id.pantau.schemas.avro.Region;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Tags officials: those in the reference data (matched by a title pattern naming them, or by their full
 * multi-word name) and others found by title patterns ("Kapolda Kalbar, Irjen Pol Pipit Rismanto"), which
 * get a stable discovered id. Later mentions by one name ("kata Harisson", "ujar Pipit") link to the official.
 * People named without an office are not officials. Immutable and thread-safe; rebuild it with {@link #of}
 * when the reference data changes.
 */
public final class OfficialTagger {

    private final RegionGazetteer gazetteer;
    private final TitlePatternExtractor extractor;
    /** Normalised name or alias of a known official to the officials carrying it. */
    private final Map<String, List<Official>> byName;
    /** Full multi-word names of known officials, which anchor them without a title. */
    private final KeywordMatcher<List<Official>> fullNames;

    private OfficialTagger(Collection<Official> known, RegionGazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.extractor = new TitlePatternExtractor(OfficeLexicon.get(), gazetteer.names());
        Map<String, List<Official>> names = new HashMap<>();
        Map<String, List<Official>> full = new HashMap<>();
        for (Official o : known) {
            Objects.requireNonNull(o, "known official");
            String name = NormalizedText.normalize(o.getName());
            names.computeIfAbsent(name, k -> new ArrayList<>()).add(o);
            for (String alias : o.getAliases()) {
                names.computeIfAbsent(NormalizedText.normalize(alias), k -> new ArrayList<>()).add(o);
            }
            if (name.indexOf(' ') > 0) {
                full.computeIfAbsent(name, k -> new ArrayList<>()).add(o);
            }
        }
        names.replaceAll((k, v) -> List.copyOf(v));
        full.replaceAll((k, v) -> List.copyOf(v));
        this.byName = Map.copyOf(names);
        this.fullNames = new KeywordMatcher<>(full);
    }

    /** A tagger for these reference officials; the collection is copied. */
    public static OfficialTagger of(Collection<Official> known, RegionGazetteer gazetteer) {
        Objects.requireNonNull(known, "known");
        return new OfficialTagger(List.copyOf(known), Objects.requireNonNull(gazetteer, "gazetteer"));
    }

    /** An official found in this article, known or discovered, with the short forms that refer to it. */
    private static final class Person {
        final String id;
        final String name;
        final String office;
        final String officeAsWritten;
        final @Nullable String jurisdictionCode;
        final boolean known;
        final Set<String> forms = new HashSet<>();

        Person(String id, String name, String office, String officeAsWritten, @Nullable String jurisdictionCode, boolean known) {
            this.id = id;
            this.name = name;
            this.office = office;
            this.officeAsWritten = officeAsWritten;
            this.jurisdictionCode = jurisdictionCode;
            this.known = known;
        }
    }

    /** Officials and every mention of them in {@code text()}. */
    public OfficialTagging tag(ArticleText article) {
        Objects.requireNonNull(article, "article");
        String text = article.text();
        Set<String> context = article.outletProvinceCode() == null ? Set.of() : Set.of(article.outletProvinceCode());
        NormalizedText nt = article.normalized();
        List<TitleHit> found = extractor.extract(nt, context);
        // a candidate or a former holder ("Calon Bupati Sambas Satono", "mantan Gubernur") is no official:
        // no tag, no link of the office, and the full name of a known official there anchors nobody
        List<TitleHit> all = found.stream().filter(TitleHit::serving).toList();
        List<TitleHit> notServing = found.stream().filter(h -> !h.serving()).toList();
        List<TitleHit> hits = all.stream().filter(h -> !h.isOfficeOnly()).toList();
        Set<String> formerOrCandidate = new HashSet<>();
        notServing.forEach(h -> formerOrCandidate.add(NormalizedText.normalize(h.name())));
        Map<String, Person> people = new LinkedHashMap<>();
        Map<String, TitleHit> discoveredBest = new HashMap<>();
        // a discovered person named twice, once with a jurisdiction, is one person: keep the fullest hit
        for (TitleHit h : hits) {
            if (knownFor(h, article.date()) == null) {
                discoveredBest.merge(NormalizedText.normalize(h.name()), h,
                        (a, b) -> a.jurisdiction() == null && b.jurisdiction() != null ? b : a);
            }
        }
        boolean inTitle;
        for (TitleHit h : hits) {
            inTitle = h.nameStart() < article.bodyOffset() && !article.title().isEmpty();
            Official o = knownFor(h, article.date());
            if (o != null) {
                people.computeIfAbsent(o.getId(), id -> known(o, text.substring(h.officeStart(), h.officeEnd())));
            } else if (!inTitle) {
                // headlines are in title case, so a title hit there only counts for a name confirmed by the body
                TitleHit best = discoveredBest.get(NormalizedText.normalize(h.name()));
                Person p = discovered(Objects.requireNonNull(best), text);
                people.putIfAbsent(p.id, p);
            }
        }
        for (KeywordMatcher.Match<List<Official>> m : fullNames.findLongest(nt)) {
            int start = nt.originalStart(m.start());
            if (m.value().size() == 1 && inOffice(m.value().get(0), article.date())
                    && nt.isCapitalised(start, nt.originalEnd(m.end()))
                    && notServing.stream().noneMatch(h -> h.officeStart() <= start && start < Math.max(h.officeEnd(), h.nameEnd()))
                    && !formerOrCandidate.contains(NormalizedText.normalize(m.value().get(0).getName()))) {
                Official o = m.value().get(0);
                people.computeIfAbsent(o.getId(), id -> known(o, ""));
            }
        }
        List<OfficialMention> mentions = new ArrayList<>(mentions(people, nt));
        mentions.addAll(officeMentions(all, people, text));
        mentions.sort(Comparator.comparingInt(OfficialMention::start));
        return new OfficialTagging(tags(people, mentions), mentions);
    }

    private @Nullable Official knownFor(TitleHit h, @Nullable LocalDate date) {
        // the longest leading part of the name that is a known name: a headline may run on ("Rion Sardi Serap ...")
        String name = NormalizedText.normalize(h.name());
        List<Official> named = byName.get(name);
        while (named == null && name.indexOf(' ') > 0) {
            name = name.substring(0, name.lastIndexOf(' '));
            named = byName.get(name);
        }
        if (named == null) {
            return null;
        }
        String office = NormalizedText.normalize(h.officeFull());
        for (Official o : named) {
            if (!inOffice(o, date)) {
                continue;
            }
            String knownOffice = NormalizedText.normalize(o.getOffice());
            boolean officeFits = knownOffice.contains(lastWords(office)) || office.contains(firstWord(knownOffice));
            boolean placeFits = h.jurisdiction() == null || o.getJurisdictionCode() == null
                    || h.jurisdiction().getCode().equals(o.getJurisdictionCode());
            if (officeFits && placeFits) {
                return o;
            }
        }
        return null;
    }

    /**
     * Whether {@code o} held its office on {@code date}; an unknown date or bound does not rule it out.
     * Outside its term the name is still found by the title pattern, as a discovered official.
     */
    private static boolean inOffice(Official o, @Nullable LocalDate date) {
        return date == null || ((o.getValidFrom() == null || !date.isBefore(o.getValidFrom()))
                && (o.getValidTo() == null || !date.isAfter(o.getValidTo())));
    }

    /** The office without an interim prefix: "penjabat sementara gubernur" gives "gubernur". */
    private static String lastWords(String office) {
        for (String prefix : List.of("penjabat sementara ", "penjabat ", "pelaksana tugas ", "pelaksana harian ")) {
            if (office.startsWith(prefix)) {
                return office.substring(prefix.length());
            }
        }
        return office;
    }

    private static String firstWord(String office) {
        String o = lastWords(office);
        int sp = o.indexOf(' ');
        return sp < 0 ? o : o.substring(0, sp);
    }

    private Person known(Official o, String officeAsWritten) {
        Person p = new Person(o.getId(), o.getName(), o.getOffice(), officeAsWritten, o.getJurisdictionCode(), true);
        p.forms.add(NormalizedText.normalize(o.getName()));
        o.getAliases().forEach(a -> p.forms.add(NormalizedText.normalize(a)));
        addShortForms(p, o.getName());
        return p;
    }

    private Person discovered(TitleHit h, String text) {
        Region j = h.jurisdiction();
        String id = discoveredId(h.name(), h.officeFull() + (j == null ? "" : " " + j.getName()));
        Person p = new Person(id, h.name(), h.officeFull(), text.substring(h.officeStart(), h.officeEnd()), j == null ? null : j.getCode(), false);
        p.forms.add(NormalizedText.normalize(h.name()));
        addShortForms(p, h.name());
        return p;
    }

    private static void addShortForms(Person p, String name) {
        String[] words = NormalizedText.normalize(name).split(" ");
        if (words.length > 1) {
            if (words[0].length() >= 3) {
                p.forms.add(words[0]);
            }
            if (words[words.length - 1].length() >= 3) {
                p.forms.add(words[words.length - 1]);
            }
        }
    }

    /** "disc-" plus the first 16 hex digits of SHA-256 over the normalised name and office. */
    static String discoveredId(String name, String office) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((NormalizedText.normalize(name) + "|" + NormalizedText.normalize(office)).getBytes(StandardCharsets.UTF_8));
            return "disc-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    private List<OfficialMention> mentions(Map<String, Person> people, NormalizedText nt) {
        String text = nt.original();
        Map<String, List<Person>> byForm = new HashMap<>();
        for (Person p : people.values()) {
            for (String f : p.forms) {
                byForm.computeIfAbsent(f, k -> new ArrayList<>()).add(p);
            }
        }
        // a short form shared by two people in one article ("Ahmad") names neither
        Map<String, Person> unique = new HashMap<>();
        byForm.forEach((f, ps) -> {
            if (ps.size() == 1) {
                unique.put(f, ps.get(0));
            }
        });
        List<OfficialMention> out = new ArrayList<>();
        if (unique.isEmpty()) {
            return out;
        }
        int maxWords = unique.keySet().stream().mapToInt(f -> f.split(" ").length).max().orElse(1);
        Set<String> firstWords = new HashSet<>();
        unique.keySet().forEach(f -> firstWords.add(f.indexOf(' ') < 0 ? f : f.substring(0, f.indexOf(' '))));
        String s = nt.normalized();
        // longest form first at each word start; forms are few, so a map beats building an automaton per article
        int pos = 0;
        while (pos < s.length()) {
            int matchedEnd = -1;
            Person matched = null;
            int firstEnd = s.indexOf(' ', pos);
            int end = firstWords.contains(s.substring(pos, firstEnd < 0 ? s.length() : firstEnd)) ? pos : s.length();
            for (int w = 0; w < maxWords && end < s.length(); w++) {
                int sp = s.indexOf(' ', end == pos ? pos : end + 1);
                end = sp < 0 ? s.length() : sp;
                Person p = unique.get(s.substring(pos, end));
                if (p != null) {
                    matched = p;
                    matchedEnd = end;
                }
            }
            if (matched != null) {
                int os = nt.originalStart(pos);
                int oe = nt.originalEnd(matchedEnd);
                if (nt.isCapitalised(os, oe)) {
                    out.add(new OfficialMention(matched.id, text.substring(os, oe), os, oe));
                }
                pos = matchedEnd + 1;
            } else {
                int sp = s.indexOf(' ', pos);
                pos = sp < 0 ? s.length() : sp + 1;
            }
        }
        return out;
    }

    /**
     * "Kapolda Kalbar menjelaskan": an office and jurisdiction without a name, linked to the one official of
     * this article holding that office there.
     */
    private static List<OfficialMention> officeMentions(List<TitleHit> hits, Map<String, Person> people, String text) {
        List<OfficialMention> out = new ArrayList<>();
        for (TitleHit h : hits) {
            if (!h.isOfficeOnly() || h.jurisdiction() == null) {
                continue;
            }
            String office = lastWords(NormalizedText.normalize(h.officeFull()));
            List<Person> holders = people.values().stream()
                    .filter(p -> h.jurisdiction().getCode().equals(p.jurisdictionCode))
                    .filter(p -> lastWords(NormalizedText.normalize(p.office)).startsWith(office))
                    .toList();
            if (holders.size() == 1) {
                out.add(new OfficialMention(holders.get(0).id, text.substring(h.officeStart(), h.officeEnd()), h.officeStart(), h.officeEnd()));
            }
        }
        return out;
    }

    /** One tag per person, in order of first mention. */
    private List<OfficialTag> tags(Map<String, Person> people, List<OfficialMention> mentions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        mentions.forEach(m -> counts.merge(m.officialId(), 1, Integer::sum));
        people.keySet().forEach(id -> counts.putIfAbsent(id, 1));
        List<OfficialTag> out = new ArrayList<>();
        counts.forEach((id, count) -> {
            Person p = people.get(id);
            Region j = p.jurisdictionCode == null ? null : gazetteer.byCode(p.jurisdictionCode);
            out.add(OfficialTag.newBuilder()
                    .setOfficialId(p.id)
                    .setName(p.name)
                    .setOffice(p.office)
                    .setOfficeAsWritten(p.officeAsWritten)
                    .setJurisdictionCode(p.jurisdictionCode)
                    .setJurisdictionName(j == null ? null : j.getName())
                    .setKnown(p.known)
                    .setMentionCount(count)
                    .build());
        });
        return out;
    }
}
