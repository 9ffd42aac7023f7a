package dev.customergraph.tenancy;

import java.util.Set;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.BatchLoaderEnvironment;

/**
 * The authenticated caller of one request, as its API key says. Controllers receive it
 * with {@code @ContextValue Caller caller}; plain data fetchers with
 * {@link #of(DataFetchingEnvironment)}, batch loaders with
 * {@link #of(BatchLoaderEnvironment)}.
 *
 * @param partition the tenant and mode the key sees
 * @param tenant the tenant's name
 * @param scopes what the key may do
 * @param keyId the key's row id, which change events record (never the key)
 */
public record Caller(Partition partition, String tenant, Set<Scope> scopes, long keyId) {

	/** The GraphQL context key under which the caller is stored. */
	public static final String CONTEXT_KEY = "caller";

	public boolean livemode() {
		return this.partition.livemode();
	}

	public boolean can(Scope scope) {
		return this.scopes.contains(scope);
	}

	public static Caller of(DataFetchingEnvironment environment) {
		return environment.getGraphQlContext().get(CONTEXT_KEY);
	}

	public static Caller of(BatchLoaderEnvironment environment) {
		GraphQLContext context = environment.getContext();
		return context.get(CONTEXT_KEY);
	}

}
