package dev.customergraph.embedded;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url}, the gateway runs on an embedded MariaDB. The
 * pool still takes its settings from {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedEngine embeddedEngine(EmbeddedProperties properties) {
		return EmbeddedEngine.startOrReuse(properties);
	}

	/**
	 * So that the JVM shutdown hook leaves stopping the engine to the closing context.
	 */
	@Bean
	ApplicationListener<ContextClosedEvent> embeddedEngineStopsWithContext(EmbeddedEngine engine,
			ApplicationContext context) {
		return (event) -> {
			if (event.getApplicationContext() == context) {
				engine.closingWithContext();
			}
		};
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedEngine engine) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(engine.jdbcUrl())
			.username(engine.account().user())
			.password(engine.account().password())
			.build();
	}

}
