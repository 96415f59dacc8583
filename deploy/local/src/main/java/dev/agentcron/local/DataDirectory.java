package dev.agentcron.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The launcher's data directory ({@code --data-dir}): embedded PostgreSQL and Redis data, the generated
 * admin key and the process ledger. One launcher at a time holds it (a file lock). It is only ever
 * wiped when it carries the launcher's marker file, so a mistyped {@code --data-dir} cannot erase
 * someone's files.
 */
final class DataDirectory implements AutoCloseable {

    static final String MARKER = ".agentcron-data-dir";
    private static final String LOCK = "launcher.lock";

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates (if needed) and locks the directory. */
    static DataDirectory open(Path root) {
        try {
            Files.createDirectories(root);
            boolean ours = Files.exists(root.resolve(MARKER));
            if (!ours && !isEmpty(root)) {
                throw new LauncherException("The data directory " + root + " is not empty and was not created by the"
                        + " launcher (no " + MARKER + " file): choose another --data-dir");
            }
            Files.writeString(root.resolve(MARKER), "Data directory of the agentcron local launcher.\n");
            FileChannel channel = FileChannel.open(
                    root.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = Files.readString(root.resolve(LOCK), StandardCharsets.UTF_8)
                        .trim();
                channel.close();
                throw new LauncherException("Another launcher" + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                        + " is using the data directory " + root + ": stop it or choose another --data-dir");
            }
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)));
            return new DataDirectory(root, channel, lock);
        } catch (IOException e) {
            throw new LauncherException("Cannot use the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** The lock, or null when another process (or this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    Path root() {
        return root;
    }

    /** The embedded PostgreSQL cluster. */
    Path postgres() {
        return root.resolve("postgres");
    }

    /** The embedded Redis append-only file. */
    Path redis() {
        return root.resolve("redis");
    }

    /** Executables extracted from the launcher jar (the embedded redis-server). */
    Path binaries() {
        return root.resolve("bin");
    }

    /** The generated admin key, kept so every start uses the same one. */
    Path bootstrapKey() {
        return root.resolve("bootstrap-key");
    }

    /** The processes of the running launcher. */
    Path processes() {
        return root.resolve("processes");
    }

    /** Deletes everything but the marker and the lock. */
    void wipe() {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (!name.equals(MARKER) && !name.equals(LOCK)) {
                    deleteTree(child);
                }
            }
        } catch (IOException e) {
            throw new LauncherException("Cannot empty the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(DataDirectory::delete);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
