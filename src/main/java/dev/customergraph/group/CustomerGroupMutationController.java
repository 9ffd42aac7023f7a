package dev.customergraph.group;

import dev.customergraph.group.CustomerGroupPayloads.CustomerGroupPayload;
import dev.customergraph.group.CustomerGroupPayloads.DeleteCustomerGroupPayload;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.tenancy.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The customer group mutations; each runs in {@link CustomerGroupService} and answers
 * with its payload.
 */
@Controller
class CustomerGroupMutationController {

	private final CustomerGroupService service;

	CustomerGroupMutationController(CustomerGroupService service) {
		this.service = service;
	}

	@MutationMapping
	CustomerGroupPayload createCustomerGroup(@Argument CreateCustomerGroupInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(
				() -> CustomerGroupPayload.of(this.service.create(caller.partition(), input)),
				CustomerGroupPayload::failed);
	}

	@MutationMapping
	CustomerGroupPayload updateCustomerGroup(@Argument UpdateCustomerGroupInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(
				() -> CustomerGroupPayload.of(this.service.update(caller.partition(), input)),
				CustomerGroupPayload::failed);
	}

	@MutationMapping
	DeleteCustomerGroupPayload deleteCustomerGroup(@Argument DeleteCustomerGroupInput input,
			@ContextValue Caller caller) {
		return UserErrorException.reported(
				() -> DeleteCustomerGroupPayload.of(this.service.delete(caller.partition(), input.id())),
				DeleteCustomerGroupPayload::failed);
	}

	record DeleteCustomerGroupInput(String id) {
	}

}
