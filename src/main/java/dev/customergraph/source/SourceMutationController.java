package dev.customergraph.source;

import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.source.SourcePayloads.CreateSourcePayload;
import dev.customergraph.source.SourcePayloads.SourceAttachmentPayload;
import dev.customergraph.tenancy.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The source mutations; each runs in {@link SourceService} and answers with its payload.
 */
@Controller
class SourceMutationController {

	private final SourceService service;

	SourceMutationController(SourceService service) {
		this.service = service;
	}

	@MutationMapping
	CreateSourcePayload createSource(@Argument CreateSourceInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> CreateSourcePayload.of(this.service.create(caller.partition(), input)),
				CreateSourcePayload::failed);
	}

	@MutationMapping
	SourceAttachmentPayload attachSource(@Argument SourceAttachmentInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> this.service.attach(caller.partition(), input),
				SourceAttachmentPayload::failed);
	}

	@MutationMapping
	SourceAttachmentPayload detachSource(@Argument SourceAttachmentInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> this.service.detach(caller.partition(), input),
				SourceAttachmentPayload::failed);
	}

}
