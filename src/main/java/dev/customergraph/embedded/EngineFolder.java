package dev.customergraph.embedded;

import java.nio.file.Path;

/**
 * The files of the embedded engine in its data folder. The gateway deletes none of them
 * but the ones it writes itself ({@code engine.port}, {@code engine.owner}) and what it
 * half-installed.
 *
 * @param home the data folder ({@code gateway.embedded.data-dir}), absolute
 */
record EngineFolder(Path home) {

	EngineFolder {
		home = home.toAbsolutePath().normalize();
	}

	/** The databases. */
	Path data() {
		return this.home.resolve("data");
	}

	/** A first installation, moved to {@link #data()} once complete. */
	Path installing() {
		return this.home.resolve("data.installing");
	}

	/** The unpacked MariaDB server. */
	Path base() {
		return this.home.resolve("base");
	}

	/** The engine's temporary files, socket and start-up SQL; owner-only. */
	Path tmp() {
		return this.home.resolve("tmp");
	}

	/** The only folder {@code LOAD DATA} and {@code SELECT … INTO OUTFILE} could use. */
	Path secureFiles() {
		return tmp().resolve("files");
	}

	/** The loopback port of the running engine, for the commands and scripts. */
	Path portFile() {
		return this.home.resolve("engine.port");
	}

	/** The running mariadbd's process id, written and removed by mariadbd. */
	Path pidFile() {
		return this.home.resolve("engine.pid");
	}

	/** The process id of the JVM that started the running engine and will stop it. */
	Path ownerFile() {
		return this.home.resolve("engine.owner");
	}

	/** The gateway account's password, owner-only. */
	Path passwordFile() {
		return this.home.resolve("engine.password");
	}

	/** mariadbd's own output, appended at every start. */
	Path logFile() {
		return this.home.resolve("engine.log");
	}

}
