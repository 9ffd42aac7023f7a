package dev.customergraph.webhook;

import java.util.List;

import dev.customergraph.event.EventLog;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.mutation.InputIds;
import dev.customergraph.mutation.InputValidator;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.mutation.WriteTransaction;
import dev.customergraph.tenancy.Partition;

import org.springframework.stereotype.Service;

/**
 * The webhook endpoint mutations, each one write transaction. Their URLs are checked (and
 * resolved) by the caller before, so no transaction waits for DNS.
 */
@Service
@WriteTransaction
class WebhookService {

	private final WebhookWriteRepository writes;

	private final WebhookRepository endpoints;

	private final WebhookSecrets secrets;

	private final EventLog events;

	private final InputValidator validator;

	private final int maxEndpoints;

	WebhookService(WebhookWriteRepository writes, WebhookRepository endpoints, WebhookSecrets secrets, EventLog events,
			InputValidator validator, WebhookProperties properties) {
		this.writes = writes;
		this.endpoints = endpoints;
		this.secrets = secrets;
		this.events = events;
		this.validator = validator;
		this.maxEndpoints = properties.maxEndpoints();
	}

	/** Creates the endpoint and returns it with its secret, which is shown only now. */
	CreatedEndpoint create(Partition partition, CreateWebhookEndpointInput input) {
		this.validator.validate(input);
		if (this.writes.lockAndCount(partition) >= this.maxEndpoints) {
			throw new UserErrorException(UserErrorCode.LIMIT_EXCEEDED,
					"A tenant's mode has at most " + this.maxEndpoints + " webhook endpoints; delete one first.");
		}
		String secret = WebhookSecrets.generate();
		long key = this.writes.insert(partition, input, this.secrets.encrypt(partition, secret),
				this.events.lastSeq(partition));
		return new CreatedEndpoint(find(partition, key), secret);
	}

	WebhookEndpoint update(Partition partition, UpdateWebhookEndpointInput input) {
		this.validator.validate(input);
		long key = InputIds.keyOf(input.id(), WebhookEndpoint.TYPE, "id");
		if (!this.writes.update(partition, key, input)) {
			throw notFound();
		}
		return find(partition, key);
	}

	/** Deletes the endpoint and returns its global id. */
	String delete(Partition partition, String id) {
		long key = InputIds.keyOf(id, WebhookEndpoint.TYPE, "id");
		if (!this.writes.delete(partition, key)) {
			throw notFound();
		}
		return new GlobalId(WebhookEndpoint.TYPE, key).encode();
	}

	private WebhookEndpoint find(Partition partition, long key) {
		return this.endpoints.findByKeys(partition, List.of(key)).get(key);
	}

	private static UserErrorException notFound() {
		return new UserErrorException(UserErrorCode.NOT_FOUND, "No webhook endpoint has this id.", "id");
	}

	/** A new endpoint and its signing secret. */
	record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {
	}

}
