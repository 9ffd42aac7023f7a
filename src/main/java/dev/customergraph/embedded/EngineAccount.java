package dev.customergraph.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded engine's only account for clients: the gateway's own user with a password
 * generated once and kept in the data folder ({@code engine.password}, owner-only). The
 * server, and the commands that reach its engine or start one, all read it from there.
 *
 * @param user the account name
 * @param password the generated password
 */
record EngineAccount(String user, String password) {

	static final String USER = "gateway";

	/**
	 * What the engine runs at every start, with the grant tables on: the gateway's user
	 * with the password on file and rights on the {@code customer_graph…} databases only
	 * (no FILE, no administration), and no account that logs in over TCP without a
	 * password. A folder from a version that ran the engine with
	 * {@code --skip-grant-tables} still has anonymous users and the test database's
	 * grants to everyone; they go too, as {@code mariadb-secure-installation} would
	 * remove them.
	 */
	private static final String PROVISIONING = """
			DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');
			DELETE FROM mysql.db WHERE User IN ('', 'PUBLIC');
			FLUSH PRIVILEGES;
			CREATE USER IF NOT EXISTS '%1$s'@'127.0.0.1';
			ALTER USER '%1$s'@'127.0.0.1' IDENTIFIED BY '%2$s';
			GRANT ALL PRIVILEGES ON `customer\\_graph%%`.* TO '%1$s'@'127.0.0.1';
			""";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The account on file in {@code passwordFile}, or a new one written there. */
	static EngineAccount readOrCreate(Path passwordFile) throws IOException {
		if (Files.isRegularFile(passwordFile)) {
			OwnerOnlyFile.restrict(passwordFile);
			String password = Files.readString(passwordFile).trim();
			if (!password.matches("[A-Za-z0-9_-]{16,}")) {
				throw new IllegalStateException(
						passwordFile + " is damaged; remove it and a new password is generated");
			}
			return new EngineAccount(USER, password);
		}
		byte[] secret = new byte[24];
		RANDOM.nextBytes(secret);
		// URL-safe Base64 has no quote or backslash, so it sits in a SQL literal as it
		// is.
		EngineAccount account = new EngineAccount(USER, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
		OwnerOnlyFile.write(passwordFile, account.password());
		return account;
	}

	/** The SQL that makes the engine's grant tables match this account. */
	String provisioningSql() {
		return PROVISIONING.formatted(this.user, this.password);
	}

	@Override
	public String toString() {
		return "EngineAccount[user=" + this.user + "]";
	}

}
