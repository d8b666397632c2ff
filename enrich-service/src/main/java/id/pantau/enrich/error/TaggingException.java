package id.pantau.enrich.error;

/** A tagger threw on an article; the article goes to the dead-letter topic with reason {@link #REASON}. */
public final class TaggingException extends RuntimeException {

    /** Dead-letter reason code. */
    public static final String REASON = "TAGGER_FAILED";

    private final String articleId;
    private final String tagger;

    public TaggingException(String articleId, String tagger, Throwable cause) {
        super(tagger + " tagger failed on article " + articleId + ": " + cause, cause);
        this.articleId = articleId;
        this.tagger = tagger;
    }

    public String articleId() {
        return articleId;
    }

    /** Which tagger failed: region, official, organisation, topic or quote. */
    public String tagger() {
        return tagger;
    }
}
