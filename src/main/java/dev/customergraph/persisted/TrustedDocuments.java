package dev.customergraph.persisted;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Trusted documents: only the {@code .graphql} files of one folder (and its subfolders)
 * may run, each identified by the SHA-256 of its bytes. They are read and hashed once, at
 * start.
 */
final class TrustedDocuments implements PersistedDocuments {

	private final Map<String, String> byHash;

	private TrustedDocuments(Map<String, String> byHash) {
		this.byHash = byHash;
	}

	static TrustedDocuments load(Path folder) {
		if (!Files.isDirectory(folder)) {
			throw new IllegalStateException("The trusted documents folder " + folder + " does not exist");
		}
		try (Stream<Path> files = Files.walk(folder)) {
			Map<String, String> byHash = files.filter((file) -> file.toString().endsWith(".graphql"))
				.map(TrustedDocuments::read)
				.collect(Collectors.toUnmodifiableMap(DocumentHash::of, Function.identity(), (same, again) -> same));
			return new TrustedDocuments(byHash);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list the trusted documents in " + folder, ex);
		}
	}

	int size() {
		return this.byHash.size();
	}

	@Override
	public Optional<String> find(String hash) {
		return Optional.ofNullable(this.byHash.get(hash));
	}

	@Override
	public boolean admit(String hash, String document) {
		return this.byHash.containsKey(hash);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the trusted document " + file, ex);
		}
	}

}
