package dev.customergraph.replica;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * With {@code gateway.datasource.read.url} set: the DataSource bean (the primary's pool,
 * embedded or external) becomes a {@link ReadRoutingDataSource} over it, and queries read
 * from the replica while it is usable.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReadReplicaConfiguration.ReadUrlSet.class)
class ReadReplicaConfiguration {

	/**
	 * Wraps the pool Boot or the embedded engine made, keeping its settings, metrics and
	 * lifecycle, rather than building the primary's pool here.
	 */
	@Bean
	static BeanPostProcessor readRoutingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return ("dataSource".equals(name) && bean instanceof DataSource primary
						&& !(bean instanceof ReadRoutingDataSource)) ? new ReadRoutingDataSource(primary) : bean;
			}
		};
	}

	@Bean
	ReadReplica readReplica(ReadReplicaProperties properties, DataSource dataSource, Environment environment,
			MeterRegistry registry) throws SQLException {
		if (!dataSource.isWrapperFor(ReadRoutingDataSource.class) || !dataSource.isWrapperFor(HikariDataSource.class)) {
			throw new IllegalStateException("gateway.datasource.read.url needs the primary's pool to be the"
					+ " Hikari pool of the bean named dataSource, which queries are routed from");
		}
		ReadReplica replica = new ReadReplica(properties, dataSource.unwrap(HikariDataSource.class),
				Binder.get(environment), registry);
		replica.start();
		return replica;
	}

	@Bean
	ReadRouting readRouting(ReadReplica replica) {
		return new ReadRouting(replica);
	}

	static class ReadUrlSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty("gateway.datasource.read.url"));
		}

	}

}
