package id.pantau.index.api;

/** An API error with its HTTP status and a message safe to show to the client. */
public final class ApiException extends RuntimeException {

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
