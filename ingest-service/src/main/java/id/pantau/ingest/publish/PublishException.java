package id.pantau.ingest.publish;

/** The broker did not acknowledge a record; carries the topic and key. */
public final class PublishException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final String key;

    public PublishException(String topic, String key, Throwable cause) {
        super("cannot publish to " + topic + " key " + key + ": " + cause.getMessage(), cause);
        this.topic = topic;
        this.key = key;
    }

    public String topic() {
        return topic;
    }

    public String key() {
        return key;
    }
}
