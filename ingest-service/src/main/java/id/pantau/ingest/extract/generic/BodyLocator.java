package id.pantau.ingest.extract.generic;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Locates the article body: scores text blocks (length, commas, link density, evidence), lets each
 * block's score flow to its ancestors, picks the best candidate by score times (1 - link density),
 * and adds the candidate's siblings that belong to the body. Stateless.
 */
final class BodyLocator {

    private static final Set<String> BLOCK_TAGS = Set.of("p", "pre", "td", "dd", "blockquote");
    private static final Set<String> OWN_TEXT_TAGS = Set.of("div", "section", "article", "main", "center");
    private static final int MIN_BLOCK_CHARS = 25;
    private static final int ANCESTOR_LEVELS = 5;
    /** Candidates (by raw score) whose link density is measured to find the best one. */
    private static final int TOP_CANDIDATES = 15;
    private static final double ALTERNATIVE_SHARE = 0.5;
    private static final int MIN_ALTERNATIVES = 1;
    /** With JSON-LD evidence, another chunk joins the body only when most of its words are in the evidence. */
    private static final double MIN_EVIDENCE_SHARE = 0.8;

    private BodyLocator() {}

    /** The body's root elements in document order; empty when the page has no scoring block. */
    static List<Element> locate(Element root, boolean useClassHints, Evidence evidence, TextStats stats) {
        Map<Element, double[]> scores = new IdentityHashMap<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element)) {
                    return FilterResult.CONTINUE;
                }
                if (Furniture.isFurniture(element, useClassHints)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                String tag = element.normalName();
                if (BLOCK_TAGS.contains(tag)) {
                    scoreBlock(element, element.text(), scores, evidence);
                } else if (OWN_TEXT_TAGS.contains(tag)) {
                    String own = ownText(element);
                    if (own.length() >= MIN_BLOCK_CHARS) {
                        scoreBlock(element, own, scores, evidence);
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        if (scores.isEmpty()) {
            return List.of();
        }
        Element top = null;
        double topScore = Double.NEGATIVE_INFINITY;
        List<Map.Entry<Element, double[]>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]));
        for (Map.Entry<Element, double[]> entry : ranked.subList(0, Math.min(TOP_CANDIDATES, ranked.size()))) {
            double score = entry.getValue()[0] * (1 - stats.linkDensity(entry.getKey()));
            entry.getValue()[1] = score;
            if (score > topScore) {
                topScore = score;
                top = entry.getKey();
            }
        }
        top = commonAncestor(top, topScore, ranked, evidence);
        top = climb(top, topScore, scores, stats);
        return withSiblings(top, scores, evidence, stats);
    }

    private static void scoreBlock(Element block, String text, Map<Element, double[]> scores, Evidence evidence) {
        int length = text.length();
        if (length < MIN_BLOCK_CHARS) {
            return;
        }
        double score = 1 + commas(text) + Math.min(length / 100, 3);
        score *= evidence.weight(text);
        Element ancestor = block.nameIs("p") || block.nameIs("pre") || block.nameIs("td") || block.nameIs("dd")
                || block.nameIs("blockquote") ? block.parent() : block;
        for (int level = 0; level < ANCESTOR_LEVELS && ancestor != null; level++) {
            double[] entry = scores.computeIfAbsent(ancestor, BodyLocator::initialScore);
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            entry[0] += score / divider;
            ancestor = ancestor.parent();
        }
    }

    private static double[] initialScore(Element element) {
        double base = switch (element.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return new double[] {base + ClassHints.weight(element), 0};
    }

    /**
     * When other strong candidates (at least {@value #ALTERNATIVE_SHARE} of the top score) sit under a
     * close ancestor of the top candidate, the body is split into chunks: that ancestor is the body.
     */
    private static Element commonAncestor(
            Element top, double topScore, List<Map.Entry<Element, double[]>> ranked, Evidence evidence) {
        List<Element> alternatives = new ArrayList<>();
        for (Map.Entry<Element, double[]> entry : ranked.subList(0, Math.min(TOP_CANDIDATES, ranked.size()))) {
            if (entry.getKey() != top && entry.getValue()[1] >= ALTERNATIVE_SHARE * topScore
                    && !entry.getKey().parents().contains(top) && !top.parents().contains(entry.getKey())
                    && (!evidence.isPresent() || evidence.share(entry.getKey().text()) >= MIN_EVIDENCE_SHARE)) {
                alternatives.add(entry.getKey());
            }
        }
        if (alternatives.size() < MIN_ALTERNATIVES) {
            return top;
        }
        Element ancestor = top.parent();
        for (int level = 0; level < 3 && ancestor != null && !ancestor.nameIs("body"); level++) {
            int inside = 0;
            for (Element alternative : alternatives) {
                if (alternative.parents().contains(ancestor)) {
                    inside++;
                }
            }
            if (inside >= MIN_ALTERNATIVES) {
                return ancestor;
            }
            ancestor = ancestor.parent();
        }
        return top;
    }

    /** Moves up while the parent holds the same text (a wrapper) or scores close to the candidate. */
    private static Element climb(Element top, double topScore, Map<Element, double[]> scores, TextStats stats) {
        Element current = top;
        Element parent = current.parent();
        while (parent != null && !parent.nameIs("body") && !parent.nameIs("html")) {
            if (parent.childrenSize() == 1) {
                current = parent;
                parent = current.parent();
                continue;
            }
            double[] parentScore = scores.get(parent);
            if (parentScore != null && parentScore[0] * (1 - stats.linkDensity(parent)) > topScore) {
                current = parent;
                topScore = parentScore[0];
                parent = current.parent();
                continue;
            }
            break;
        }
        return current;
    }

    private static List<Element> withSiblings(
            Element top, Map<Element, double[]> scores, Evidence evidence, TextStats stats) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double[] topEntry = scores.get(top);
        double topScore = topEntry == null ? 0 : Math.max(topEntry[0], topEntry[1]);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> body = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                body.add(sibling);
                continue;
            }
            if (Furniture.isFurniture(sibling, true)
                    || evidence.isPresent() && evidence.share(sibling.text()) < MIN_EVIDENCE_SHARE) {
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            double[] entry = scores.get(sibling);
            if (entry != null && entry[0] * (1 - stats.linkDensity(sibling)) + bonus >= threshold) {
                body.add(sibling);
            } else if (sibling.nameIs("p") || sibling.nameIs("blockquote") || sibling.nameIs("h2") || sibling.nameIs("h3")) {
                String text = sibling.text();
                double linkDensity = stats.linkDensity(sibling);
                if (text.length() > 80 && linkDensity < 0.25
                        || !text.isEmpty() && linkDensity == 0 && (text.endsWith(".") || text.contains(". "))) {
                    body.add(sibling);
                }
            }
        }
        return body;
    }

    private static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                commas++;
            }
        }
        return commas;
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode textNode) {
                text.append(textNode.text());
            } else if (child instanceof Element inline && TextStats.isInline(inline)) {
                text.append(inline.text());
            }
        }
        return text.toString().strip();
    }
}
