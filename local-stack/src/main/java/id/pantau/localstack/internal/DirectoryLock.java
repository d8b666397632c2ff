package id.pantau.localstack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * An exclusive lock on a lock file, held against other threads of this JVM and against other JVMs
 * (an OS file lock, released by the OS when the holder dies, so a crash leaves no stale lock).
 * The holder closes it.
 */
public final class DirectoryLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, Semaphore> IN_JVM = new ConcurrentHashMap<>();

    private final Semaphore jvmLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private DirectoryLock(Semaphore jvmLock, FileChannel channel, FileLock fileLock) {
        this.jvmLock = jvmLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until the lock on {@code lockFile} (created if missing) is held. */
    public static DirectoryLock acquire(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        Semaphore jvmLock = IN_JVM.computeIfAbsent(key, k -> new Semaphore(1));
        jvmLock.acquireUninterruptibly();
        try {
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new DirectoryLock(jvmLock, channel, channel.lock());
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            jvmLock.release();
            throw new UncheckedIOException("cannot lock " + key, e);
        } catch (RuntimeException e) {
            jvmLock.release();
            throw e;
        }
    }

    /**
     * Takes the lock on {@code lockFile} if no other thread or JVM holds it; null when one does.
     */
    public static @Nullable DirectoryLock tryAcquire(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        Semaphore jvmLock = IN_JVM.computeIfAbsent(key, k -> new Semaphore(1));
        if (!jvmLock.tryAcquire()) {
            return null;
        }
        try {
            FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock fileLock;
            try {
                fileLock = channel.tryLock();
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (fileLock == null) {
                channel.close();
                jvmLock.release();
                return null;
            }
            return new DirectoryLock(jvmLock, channel, fileLock);
        } catch (IOException e) {
            jvmLock.release();
            throw new UncheckedIOException("cannot lock " + key, e);
        } catch (RuntimeException e) {
            jvmLock.release();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release a file lock", e);
        } finally {
            jvmLock.release();
        }
    }
}
