package dev.customergraph.photo;

import java.util.List;

import dev.customergraph.customer.Customer;
import dev.customergraph.mutation.InputIds;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.photo.PhotoPayloads.RemoveCustomerPhotoPayload;
import dev.customergraph.photo.PhotoPayloads.SetCustomerPhotoPayload;
import dev.customergraph.tenancy.Caller;
import graphql.GraphQLContext;

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

	private static final String PHOTO_SET = PhotoMutationController.class.getName() + ".photoSet";

	private final PhotoService service;

	PhotoMutationController(PhotoService service) {
		this.service = service;
	}

	@MutationMapping
	SetCustomerPhotoPayload setCustomerPhoto(@Argument SetCustomerPhotoInput input, @ContextValue Caller caller,
			GraphQLContext context) {
		return UserErrorException.reported(() -> {
			long customerKey = InputIds.keyOf(input.customerId(), Customer.TYPE, "customerId");
			firstPhotoOfTheRequest(context);
			PhotoImage image = PhotoImage.read(input.photo(), caller.partition());
			return new SetCustomerPhotoPayload(this.service.set(caller.partition(), customerKey, image), List.of());
		}, SetCustomerPhotoPayload::failed);
	}

	/**
	 * One photo is checked per request: aliased fields could otherwise decode one file
	 * many times over in one request, past every budget that counts requests.
	 */
	private static void firstPhotoOfTheRequest(GraphQLContext context) {
		// Mutation fields run one after another, so no two of one request race here.
		if (context.hasKey(PHOTO_SET)) {
			throw new UserErrorException(UserErrorCode.INVALID,
					"A request sets at most one photo; send each photo in a request of its own.", "photo");
		}
		context.put(PHOTO_SET, Boolean.TRUE);
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
