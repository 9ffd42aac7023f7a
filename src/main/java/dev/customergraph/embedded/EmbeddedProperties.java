package dev.customergraph.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded MariaDB keeps its files: {@code data/} (the databases),
 * {@code base/} (the unpacked server), {@code tmp/}, {@code engine.password} (the gateway
 * account's password) and {@code engine.port} (how commands find a running engine); see
 * {@link EngineFolder}.
 *
 * @param dataDir the folder; it survives restarts, kills and clean shutdowns, also under
 * the system temp folder
 * @param bufferPoolSize InnoDB buffer pool size handed to mariadbd
 */
@ConfigurationProperties("gateway.embedded")
public record EmbeddedProperties(Path dataDir, String bufferPoolSize) {

	public EmbeddedProperties {
		if (dataDir == null) {
			dataDir = Path.of(System.getProperty("user.home"), ".customer-graph");
		}
		if (bufferPoolSize == null) {
			bufferPoolSize = "256M";
		}
	}

}
