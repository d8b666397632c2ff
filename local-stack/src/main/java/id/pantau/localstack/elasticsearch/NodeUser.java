package id.pantau.localstack.elasticsearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who the Elasticsearch process runs as. Elasticsearch refuses to run as root, so when this JVM runs
 * as root the node runs as an unprivileged user ({@code nobody}/{@code nogroup} unless
 * {@code PANTAU_ES_USER}/{@code PANTAU_ES_GROUP} say otherwise), started through util-linux
 * {@code setpriv}. Otherwise it runs as this JVM's user. Immutable.
 *
 * @param user the user to switch to, null to keep this JVM's user
 * @param group the group to switch to, null when {@code user} is null
 * @param setpriv path of {@code setpriv}, null when not installed
 */
public record NodeUser(@Nullable String user, @Nullable String group, @Nullable Path setpriv) {

    public NodeUser {
        if ((user == null) != (group == null)) {
            throw new IllegalArgumentException("user and group are set together, got user=" + user + " group=" + group);
        }
    }

    /** Decides from this JVM's user and the environment. */
    public static NodeUser detect(Map<String, String> env) {
        Path setpriv = findSetpriv();
        if (!isRoot()) {
            return new NodeUser(null, null, setpriv);
        }
        String user = env.getOrDefault("PANTAU_ES_USER", "nobody");
        String group = env.get("PANTAU_ES_GROUP");
        if (group == null || group.isBlank()) {
            group = groupExists("nogroup") ? "nogroup" : "nobody";
        }
        return new NodeUser(user, group, setpriv);
    }

    /** True when this JVM runs as root (uid 0). */
    public static boolean isRoot() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the node runs as another user than this JVM. */
    public boolean dropsPrivileges() {
        return user != null;
    }

    /**
     * The words put before {@code bin/elasticsearch}: {@code setpriv --pdeathsig KILL} so the node
     * dies with this JVM even when it crashes, plus the user switch when privileges are dropped.
     *
     * @throws IllegalStateException when privileges must be dropped but setpriv is missing
     */
    public List<String> commandPrefix() {
        List<String> prefix = new ArrayList<>();
        if (setpriv == null) {
            if (dropsPrivileges()) {
                throw new IllegalStateException("this JVM runs as root and Elasticsearch refuses root; the node would"
                        + " run as " + user + " through setpriv, which is not installed (package util-linux)."
                        + " Install it or run the JVM as an unprivileged user");
            }
            return prefix;
        }
        prefix.add(setpriv.toString());
        if (dropsPrivileges()) {
            prefix.add("--reuid=" + user);
            prefix.add("--regid=" + group);
            prefix.add("--init-groups");
        }
        // After the user switch: a credential change clears the parent-death signal, setpriv sets it last.
        prefix.add("--pdeathsig");
        prefix.add("KILL");
        return prefix;
    }

    /** Gives {@code dir} and everything below it to the node's user (no-op without a user switch). */
    public void chownRecursively(Path dir) {
        if (!dropsPrivileges()) {
            return;
        }
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            UserPrincipal owner = lookup.lookupPrincipalByName(Objects.requireNonNull(user));
            GroupPrincipal groupOwner = lookup.lookupPrincipalByGroupName(Objects.requireNonNull(group));
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    chown(d);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    chown(file);
                    return FileVisitResult.CONTINUE;
                }

                private void chown(Path p) throws IOException {
                    PosixFileAttributeView view =
                            Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(owner);
                    view.setGroup(groupOwner);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + dir + " to " + user + ":" + group, e);
        }
    }

    /**
     * Checks that the node's user can reach {@code dir}: every directory above it must be searchable
     * by others (a folder under {@code /root} is not).
     *
     * @throws IllegalStateException naming the first directory the node's user cannot enter
     */
    public void checkReachable(Path dir) {
        checkReachable(dir, "put the node directory elsewhere (e.g. under /tmp or /var/tmp)");
    }

    /** As {@link #checkReachable(Path)}, with {@code advice} saying what to do instead. */
    public void checkReachable(Path dir, String advice) {
        if (!dropsPrivileges()) {
            return;
        }
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("the Elasticsearch node runs as " + user + ", who cannot enter " + p
                            + " (not searchable by others), so it cannot reach " + dir + "; " + advice
                            + " or chmod o+x " + p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the permissions of " + p, e);
            }
        }
    }

    private static boolean groupExists(String name) {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static @Nullable Path findSetpriv() {
        for (String candidate : List.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv", "/sbin/setpriv")) {
            Path p = Path.of(candidate);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
