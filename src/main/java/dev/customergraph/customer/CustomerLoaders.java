package dev.customergraph.customer;

import dev.customergraph.graph.NodeType;
import dev.customergraph.tenancy.Caller;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;

/**
 * The customer-by-key DataLoader behind {@code customer(id:)}, {@code node}, and the
 * {@code customer} field of addresses and sources: one statement per batch.
 */
@Configuration(proxyBeanMethods = false)
class CustomerLoaders {

	CustomerLoaders(BatchLoaderRegistry registry, CustomerRepository repository) {
		registry.forTypePair(Long.class, Customer.class)
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> repository.findByKeys(Caller.of(environment).partition(), keys)));
	}

	@Bean
	NodeType customerNode() {
		return new NodeType(Customer.TYPE, Customer.class);
	}

}
