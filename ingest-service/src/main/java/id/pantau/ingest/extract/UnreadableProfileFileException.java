package id.pantau.ingest.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A profile file that could not be read, or is not YAML; the message names the file, the cause says why. */
public final class UnreadableProfileFileException extends UncheckedIOException {

    private final transient Path file;

    public UnreadableProfileFileException(Path file, IOException cause) {
        super("cannot read profile file " + file, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
