package dev.customergraph.photo;

import java.util.List;

import dev.customergraph.customer.Customer;
import dev.customergraph.mutation.InputIds;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.photo.PhotoPayloads.RemoveCustomerPhotoPayload;
import dev.customergraph.photo.PhotoPayloads.SetCustomerPhotoPayload;
import dev.customergraph.tenancy.Caller;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The photo mutations. {@code setCustomerPhoto} checks the uploaded image
 * ({@link PhotoImage}) before {@link PhotoService} opens its transaction.
 */
@Controller
class PhotoMutationController {

	private final PhotoService service;

	PhotoMutationController(PhotoService service) {
		this.service = service;
	}

	@MutationMapping
	SetCustomerPhotoPayload setCustomerPhoto(@Argument SetCustomerPhotoInput input, @ContextValue Caller caller) {
		return UserErrorException.reported(() -> {
			long customerKey = InputIds.keyOf(input.customerId(), Customer.TYPE, "customerId");
			PhotoImage image = PhotoImage.read(input.photo());
			return new SetCustomerPhotoPayload(this.service.set(caller.partition(), customerKey, image), List.of());
		}, SetCustomerPhotoPayload::failed);
	}

	@MutationMapping
	RemoveCustomerPhotoPayload removeCustomerPhoto(@Argument RemoveCustomerPhotoInput input,
			@ContextValue Caller caller) {
		return UserErrorException.reported(() -> {
			long customerKey = InputIds.keyOf(input.customerId(), Customer.TYPE, "customerId");
			return new RemoveCustomerPhotoPayload(this.service.remove(caller.partition(), customerKey), List.of());
		}, RemoveCustomerPhotoPayload::failed);
	}

}
