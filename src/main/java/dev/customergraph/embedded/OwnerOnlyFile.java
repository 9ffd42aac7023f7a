package dev.customergraph.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Secrets the gateway keeps in its data folder (the engine account's password, the demo
 * key): readable and writable by the owner only ({@code 0600}) from the moment they
 * exist, and replaced in one step, so no other local user can read them and no reader
 * sees half a file.
 */
public final class OwnerOnlyFile {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private OwnerOnlyFile() {
	}

	/** Writes {@code text} to {@code file}, replacing it, with owner-only permissions. */
	public static void write(Path file, String text) throws IOException {
		Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".partial",
				ownerOnly("rw-------"));
		try {
			Files.writeString(partial, text, StandardCharsets.UTF_8);
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * Narrows an existing file to owner-only permissions (a folder written by an older
	 * version may hold it world-readable).
	 */
	public static void restrict(Path file) throws IOException {
		if (POSIX && Files.exists(file)) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

	/** Creates a folder only its owner may enter, or narrows an existing one. */
	static Path createFolder(Path folder) throws IOException {
		Files.createDirectories(folder, ownerOnly("rwx------"));
		if (POSIX) {
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		}
		return folder;
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		return POSIX
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) }
				: new FileAttribute<?>[0];
	}

}
