package id.pantau.localstack.elasticsearch;

import id.pantau.localstack.internal.DirectoryLock;
import id.pantau.localstack.internal.MoreFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the Elasticsearch integ-test distribution zip in the local Maven repository and unpacks it
 * once into a cache directory. Unpacking is atomic (into a temporary directory, then renamed) and
 * guarded by a file lock, so two JVMs starting at once unpack it only once; a later start reuses it.
 * Stateless; safe to call from several threads and JVMs.
 */
public final class ElasticsearchDistribution {

    /** Written last into an unpacked distribution; its presence means the unpacking completed. */
    public static final String MARKER = ".pantau-unpacked";

    private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchDistribution.class);
    private static final String GROUP_PATH = "org/elasticsearch/distribution/integ-test-zip/elasticsearch";

    private ElasticsearchDistribution() {}

    /** An unpacked distribution: its home directory and whether this call unpacked it. */
    public record Installation(Path home, boolean unpacked) {}

    /**
     * Where the zip of {@code version} is: {@code zipOverride} (env {@code PANTAU_ES_ZIP}) if given, else
     * the first of {@code repositories} (local Maven repositories, in order of preference) that holds
     * {@code org/elasticsearch/distribution/integ-test-zip/elasticsearch/<version>/elasticsearch-<version>.zip}.
     *
     * @throws IllegalStateException naming the paths looked at and the Maven command that fetches the zip
     */
    public static Path locateZip(String version, @Nullable String zipOverride, List<Path> repositories) {
        if (zipOverride != null && !zipOverride.isBlank()) {
            Path zip = Path.of(zipOverride);
            if (!Files.isRegularFile(zip)) {
                throw new IllegalStateException("PANTAU_ES_ZIP names " + zip + ", which is not a file");
            }
            return zip;
        }
        List<Path> tried = new ArrayList<>();
        for (Path repo : repositories) {
            Path zip = repo.resolve(GROUP_PATH).resolve(version).resolve("elasticsearch-" + version + ".zip");
            if (Files.isRegularFile(zip)) {
                return zip;
            }
            tried.add(zip);
        }
        throw new IllegalStateException("the Elasticsearch distribution zip is missing: " + tried
                + ". Fetch it with: mvn -B dependency:get"
                + " -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:" + version + ":zip"
                + " (or build local-stack once with Maven), or set PANTAU_ES_ZIP to the zip's path");
    }

    /**
     * The local Maven repository a jar on the classpath came from, found by walking up from the jar of
     * {@code probe} (a class from {@code groupPath/artifactId}); null when the class is not loaded from
     * such a repository. Covers a custom {@code localRepository} the test JVM was not told about.
     */
    public static @Nullable Path repositoryOf(Class<?> probe, String groupPath, String artifactId) {
        try {
            var source = probe.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            Path artifactDir = jar.getParent() == null ? null : jar.getParent().getParent();
            if (artifactDir == null || !artifactDir.endsWith(Path.of(groupPath, artifactId))) {
                return null;
            }
            Path repo = artifactDir;
            for (int i = 0; i < Path.of(groupPath, artifactId).getNameCount(); i++) {
                repo = repo.getParent();
            }
            return repo;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Unpacks {@code zip} into {@code <cacheDir>/elasticsearch-<version>} unless a complete copy is
     * there already. The zip's top directory is stripped, so the returned home holds {@code bin/}.
     */
    public static Installation unpackOnce(Path zip, Path cacheDir, String version) {
        Path target = cacheDir.resolve("elasticsearch-" + version);
        if (isComplete(target)) {
            return new Installation(target, false);
        }
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cache directory " + cacheDir, e);
        }
        try (DirectoryLock ignored = DirectoryLock.acquire(cacheDir.resolve("elasticsearch-" + version + ".lock"))) {
            if (isComplete(target)) {
                return new Installation(target, false);
            }
            long began = System.nanoTime();
            Path tmp = Files.createTempDirectory(cacheDir, ".unpacking-");
            try {
                unzipStrippingTopDirectory(zip, tmp);
                Files.writeString(tmp.resolve(MARKER), "zip=" + zip + "\n", StandardCharsets.UTF_8);
                // A half-written copy left by a crash has no marker; replace it.
                MoreFiles.deleteRecursively(target);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                MoreFiles.deleteRecursively(tmp);
            }
            LOG.info("elasticsearch distribution unpacked zip={} home={} millis={}",
                    zip, target, (System.nanoTime() - began) / 1_000_000);
            return new Installation(target, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
        }
    }

    /**
     * Copies an unpacked distribution to {@code <runtimeRoot>/elasticsearch-<version>-<user>} and gives
     * it to the node's user, once: a complete copy (with marker) is reused. Needed when this JVM runs as
     * root, because the node's unprivileged user cannot read the cache under root's home.
     */
    public static Path copyForUser(Installation installation, Path runtimeRoot, String version, NodeUser user) {
        if (!user.dropsPrivileges()) {
            return installation.home();
        }
        Path target = runtimeRoot.resolve("elasticsearch-" + version + "-" + user.user());
        if (isComplete(target) && !installation.unpacked()) {
            return target;
        }
        try {
            Files.createDirectories(runtimeRoot);
            Files.setPosixFilePermissions(runtimeRoot, PosixFilePermissions.fromString("rwxr-xr-x"));
            user.checkReachable(runtimeRoot.resolve("x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + runtimeRoot, e);
        }
        try (DirectoryLock ignored = DirectoryLock.acquire(runtimeRoot.resolve(target.getFileName() + ".lock"))) {
            if (isComplete(target) && !installation.unpacked()) {
                return target;
            }
            long began = System.nanoTime();
            Path tmp = Files.createTempDirectory(runtimeRoot, ".copying-");
            try {
                MoreFiles.copyTree(installation.home(), tmp, StandardCopyOption.COPY_ATTRIBUTES);
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                user.chownRecursively(tmp);
                MoreFiles.deleteRecursively(target);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                MoreFiles.deleteRecursively(tmp);
            }
            LOG.info("elasticsearch distribution copied for user={} home={} millis={}",
                    user.user(), target, (System.nanoTime() - began) / 1_000_000);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + installation.home() + " to " + target, e);
        }
    }

    /**
     * True when {@code home} holds a finished copy: the marker (written last) and the parts a start needs,
     * which a temporary-files cleaner may have removed from an old copy under /tmp or /var/tmp.
     */
    static boolean isComplete(Path home) {
        return Files.isRegularFile(home.resolve(MARKER))
                && Files.isRegularFile(home.resolve("bin").resolve("elasticsearch"))
                && Files.isDirectory(home.resolve("lib"))
                && Files.isDirectory(home.resolve("config"));
    }


    /** Unpacks every entry below the zip's single top directory into {@code dir}; scripts in bin/ become executable. */
    static void unzipStrippingTopDirectory(Path zip, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        List<Path> executables = new ArrayList<>();
        try (ZipFile zipFile = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = zipFile.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                String relative = name.substring(slash + 1);
                Path out = root.resolve(relative).normalize();
                if (!out.startsWith(root)) {
                    throw new IOException("zip entry " + name + " points outside the target directory");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zipFile.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
                if (relative.startsWith("bin/") && !relative.endsWith(".bat") && !relative.endsWith(".exe")) {
                    executables.add(out);
                }
            }
        }
        for (Path executable : executables) {
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
