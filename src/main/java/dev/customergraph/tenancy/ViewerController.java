package dev.customergraph.tenancy;

import java.util.List;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Answers {@code viewer}: who the API key says the caller is. */
@Controller
class ViewerController {

	@QueryMapping
	Viewer viewer(@ContextValue Caller caller) {
		return new Viewer(caller.tenant(), caller.livemode(),
				caller.scopes().stream().map(Scope::value).sorted().toList());
	}

	record Viewer(String tenant, boolean livemode, List<String> scopes) {
	}

}
