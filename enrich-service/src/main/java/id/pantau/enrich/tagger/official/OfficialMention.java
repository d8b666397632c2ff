package id.pantau.enrich.tagger.official;

/**
 * One mention of an official in {@code ArticleText.text()}, including later mentions by one name
 * ("kata Harisson").
 *
 * @param officialId id of the tagged official (known or discovered)
 * @param nameAsWritten the name as it stands in the text
 * @param start offset of the name's first character
 * @param end offset just past the name
 */
public record OfficialMention(String officialId, String nameAsWritten, int start, int end) {}
