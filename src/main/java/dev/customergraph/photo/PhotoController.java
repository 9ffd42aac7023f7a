package dev.customergraph.photo;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.customergraph.customer.Customer;
import dev.customergraph.graph.RowField;
import dev.customergraph.tenancy.Caller;
import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.BatchLoaderEnvironment;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * {@code Customer.photo}: one statement per batch of customers (a page, a point lookup, a
 * mutation's payload), reading the photos' metadata only, never their bytes; each photo's
 * URL is signed for the caller's partition ({@link PhotoUrls}).
 */
@Controller
class PhotoController {

	private static final String PHOTO_OF_CUSTOMER = "photoOfCustomer";

	PhotoController(BatchLoaderRegistry registry, PhotoRepository repository, PhotoUrls urls) {
		registry.<Long, CustomerPhoto>forName(PHOTO_OF_CUSTOMER)
			.registerMappedBatchLoader((customerKeys, environment) -> Mono
				.fromCallable(() -> load(repository, urls, environment, customerKeys)));
	}

	/**
	 * A plain data fetcher, like the customer's other per-row fields: it only asks the
	 * DataLoader.
	 */
	@Bean
	static RuntimeWiringConfigurer customerPhotoField() {
		return (wiring) -> wiring.type(Customer.TYPE,
				(type) -> type.dataFetcher("photo", RowField.of(PhotoController::photo)));
	}

	private static CompletableFuture<@Nullable CustomerPhoto> photo(DataFetchingEnvironment environment) {
		Customer customer = environment.getSource();
		return environment.<Long, CustomerPhoto>getDataLoader(PHOTO_OF_CUSTOMER).load(customer.key());
	}

	private static Map<Long, CustomerPhoto> load(PhotoRepository repository, PhotoUrls urls,
			BatchLoaderEnvironment environment, Set<Long> customerKeys) {
		Caller caller = Caller.of(environment);
		GraphQLContext context = environment.getContext();
		URI requestUri = context.get(URI.class);
		return repository.findByCustomers(caller.partition(), customerKeys)
			.stream()
			.collect(Collectors.toMap(StoredPhoto::customerId,
					(stored) -> new CustomerPhoto(
							urls.url(requestUri, caller.partition(), stored.customerId(), stored.sha256()),
							stored.contentType(), stored.byteSize(), stored.width(), stored.height())));
	}

}
