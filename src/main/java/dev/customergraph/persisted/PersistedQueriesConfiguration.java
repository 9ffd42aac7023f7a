package dev.customergraph.persisted;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plugs the persisted query support and the document cache into graphql-java. */
@Configuration(proxyBeanMethods = false)
class PersistedQueriesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersistedQueriesConfiguration.class);

	@Bean
	PersistedQueryDocumentProvider persistedQueryDocumentProvider(PersistedQueriesProperties properties) {
		return new PersistedQueryDocumentProvider(persistedDocuments(properties), properties.cacheCapacity().toBytes(),
				properties.maxDocumentSize().toBytes());
	}

	@Bean
	GraphQlSourceBuilderCustomizer persistedQueries(PersistedQueryDocumentProvider provider) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(provider));
	}

	private static PersistedDocuments persistedDocuments(PersistedQueriesProperties properties) {
		if (properties.mode() == PersistedQueriesProperties.Mode.AUTOMATIC) {
			return new AutomaticPersistedQueries(properties.registryCapacity().toBytes());
		}
		if (properties.trustedDocuments() == null) {
			throw new IllegalStateException(
					"gateway.persisted-queries.mode=trusted needs gateway.persisted-queries.trusted-documents (a folder)");
		}
		TrustedDocuments trusted = TrustedDocuments.load(properties.trustedDocuments());
		log.info("Trusted documents mode: {} documents from {}", trusted.size(), properties.trustedDocuments());
		return trusted;
	}

}
