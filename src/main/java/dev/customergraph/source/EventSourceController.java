package dev.customergraph.source;

import java.util.concurrent.CompletableFuture;

import dev.customergraph.event.Event;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code source} of a source event, as it is now, batched by the source-by-key
 * loader.
 */
@Controller
class EventSourceController {

	@SchemaMapping(typeName = "SourceEvent", field = "source")
	CompletableFuture<@Nullable Source> source(Event event, DataLoader<Long, Source> sources) {
		Long key = event.entityKey();
		return (key != null) ? sources.load(key) : CompletableFuture.completedFuture(null);
	}

}
