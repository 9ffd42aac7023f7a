package dev.customergraph.graph;

import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.autoconfigure.JdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Boot's {@link JdbcTemplate} (and so the {@code JdbcClient} built on it), configured
 * from {@code spring.jdbc.template.*} as Boot does, whose statements also end with the
 * request: each gets the request's remaining budget as its query timeout when that is
 * shorter than the configured one, and none starts once the budget is spent. Connector/J
 * enforces a query timeout by killing the statement on the server.
 */
@Configuration(proxyBeanMethods = false)
class RequestDeadlineJdbcConfiguration {

	RequestDeadlineJdbcConfiguration() {
		RequestDeadline.propagateToResolverThreads();
	}

	@Bean
	JdbcTemplate jdbcTemplate(DataSource dataSource, JdbcProperties properties) {
		JdbcTemplate template = new DeadlineJdbcTemplate(dataSource);
		JdbcProperties.Template settings = properties.getTemplate();
		template.setIgnoreWarnings(settings.isIgnoreWarnings());
		template.setFetchSize(settings.getFetchSize());
		template.setMaxRows(settings.getMaxRows());
		if (settings.getQueryTimeout() != null) {
			template.setQueryTimeout((int) settings.getQueryTimeout().getSeconds());
		}
		template.setSkipResultsProcessing(settings.isSkipResultsProcessing());
		template.setSkipUndeclaredResults(settings.isSkipUndeclaredResults());
		template.setResultsMapCaseInsensitive(settings.isResultsMapCaseInsensitive());
		return template;
	}

	private static final class DeadlineJdbcTemplate extends JdbcTemplate {

		DeadlineJdbcTemplate(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void applyStatementSettings(Statement statement) throws SQLException {
			super.applyStatementSettings(statement);
			RequestDeadline deadline = RequestDeadline.current();
			if (deadline != null) {
				int remaining = deadline.remainingSeconds();
				int configured = statement.getQueryTimeout();
				if (configured == 0 || remaining < configured) {
					statement.setQueryTimeout(remaining);
				}
			}
		}

	}

}
