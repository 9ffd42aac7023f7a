package dev.customergraph.customer;

import dev.customergraph.customer.CustomerErasureService.EraseCustomerInput;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.tenancy.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The customer mutations. Each runs in {@link CustomerService} and answers with a
 * payload: the result, or the user errors that made it change nothing.
 */
@Controller
class CustomerMutationController {

	private final CustomerService service;

	private final CustomerErasureService erasure;

	CustomerMutationController(CustomerService service, CustomerErasureService erasure) {
		this.service = service;
		this.erasure = erasure;
	}

	@MutationMapping
	CustomerPayload createCustomer(@Argument CreateCustomerInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> CustomerPayload.of(this.service.create(caller.partition(), input)),
				CustomerPayload::failed);
	}

	@MutationMapping
	CustomerPayload updateCustomer(@Argument UpdateCustomerInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> CustomerPayload.of(this.service.update(caller.partition(), input)),
				CustomerPayload::failed);
	}

	@MutationMapping
	DeleteCustomerPayload deleteCustomer(@Argument DeleteCustomerInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(
				() -> DeleteCustomerPayload.of(this.service.delete(caller.partition(), input.id())),
				DeleteCustomerPayload::failed);
	}

	@MutationMapping
	CustomerPayload eraseCustomer(@Argument EraseCustomerInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> CustomerPayload.of(this.erasure.erase(caller.partition(), input)),
				CustomerPayload::failed);
	}

	@MutationMapping
	CustomerPayload addCustomerTags(@Argument CustomerTagsInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> CustomerPayload.of(this.service.addTags(caller.partition(), input)),
				CustomerPayload::failed);
	}

	@MutationMapping
	CustomerPayload removeCustomerTags(@Argument CustomerTagsInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> CustomerPayload.of(this.service.removeTags(caller.partition(), input)),
				CustomerPayload::failed);
	}

	record DeleteCustomerInput(String id) {
	}

}
