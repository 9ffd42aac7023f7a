package dev.customergraph.graph;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Relay object identification: {@code node} and {@code nodes}. Each id goes to its type's
 * DataLoader, so {@code nodes} costs one statement per type whatever the number of ids.
 */
@Controller
class NodeController {

	private final Map<String, NodeType> types;

	NodeController(List<NodeType> types) {
		this.types = types.stream().collect(Collectors.toMap(NodeType::typeName, Function.identity()));
	}

	@QueryMapping
	CompletableFuture<Object> node(@Argument String id, DataFetchingEnvironment environment) {
		return load(GlobalId.decode(id), environment);
	}

	@QueryMapping
	CompletableFuture<List<Object>> nodes(@Argument List<String> ids, DataFetchingEnvironment environment) {
		List<GlobalId> globalIds = ids.stream().map(GlobalId::decode).toList();
		List<CompletableFuture<Object>> loads = globalIds.stream().map((id) -> load(id, environment)).toList();
		return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new))
			.thenApply((done) -> loads.stream().map(CompletableFuture::join).toList());
	}

	private CompletableFuture<Object> load(GlobalId id, DataFetchingEnvironment environment) {
		NodeType type = this.types.get(id.type());
		if (type == null) {
			return CompletableFuture.completedFuture(null);
		}
		DataLoader<Long, Object> loader = environment.getDataLoader(type.valueClass().getName());
		return loader.load(id.key());
	}

}
