package org.sessionsdk.core.feed;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files only their owner can read, opened without following a symbolic link: checkpoints hold
 * session ids and logins, and often live in a directory other users can write to (e.g. {@code /tmp}).
 */
final class PrivateFiles {
    private static final FileAttribute<?> OWNER_RW = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));

    private PrivateFiles() {
    }

    /**
     * Creates a file that must not exist yet (never a link planted at its name) with owner-only
     * access: mode 0600 where the file system is POSIX, an owner-only ACL where it has ACLs (Windows).
     */
    static FileChannel createNew(Path file) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        if (posix(file)) {
            return FileChannel.open(file, options, OWNER_RW);
        }
        FileChannel channel = FileChannel.open(file, options);
        try {
            AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (acl != null) {
                acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(acl.getOwner())
                        .setPermissions(EnumSet.allOf(AclEntryPermission.class)).build()));
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
        return channel;
    }

    /** Opens a file for writing, created owner-only if missing; a symbolic link at its name is refused. */
    static FileChannel openOrCreate(Path file) throws IOException {
        refuseLink(file);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        return posix(file) ? FileChannel.open(file, options, OWNER_RW) : FileChannel.open(file, options);
    }

    /**
     * Refuses a path that is a symbolic link, with a message that says so. (Opening with
     * {@code NOFOLLOW_LINKS} refuses one too, but with a bare "too many levels of symbolic links".)
     */
    static void refuseLink(Path file) throws FileSystemException {
        if (Files.isSymbolicLink(file)) {
            throw new FileSystemException(file.toString(), null, "is a symbolic link: a checkpoint is never read or"
                    + " written through one (give the path of a regular file)");
        }
    }

    private static boolean posix(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        return Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
    }
}
