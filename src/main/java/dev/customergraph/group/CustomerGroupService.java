package dev.customergraph.group;

import java.util.List;

import dev.customergraph.graph.GlobalId;
import dev.customergraph.mutation.InputIds;
import dev.customergraph.mutation.InputValidator;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.mutation.WriteTransaction;
import dev.customergraph.tenancy.Partition;

import org.springframework.stereotype.Service;

/**
 * The customer group mutations, each one write transaction: validate, write, read the
 * result back. Any user error rolls the whole transaction back.
 */
@Service
@WriteTransaction
class CustomerGroupService {

	private final CustomerGroupWriteRepository writes;

	private final CustomerGroupRepository groups;

	private final InputValidator validator;

	CustomerGroupService(CustomerGroupWriteRepository writes, CustomerGroupRepository groups,
			InputValidator validator) {
		this.writes = writes;
		this.groups = groups;
		this.validator = validator;
	}

	CustomerGroup create(Partition partition, CreateCustomerGroupInput input) {
		this.validator.validate(input);
		return find(partition, this.writes.insert(partition, input));
	}

	CustomerGroup update(Partition partition, UpdateCustomerGroupInput input) {
		this.validator.validate(input);
		long groupKey = InputIds.keyOf(input.id(), CustomerGroup.TYPE, "id");
		if (!this.writes.update(partition, groupKey, input)) {
			throw notFound();
		}
		return find(partition, groupKey);
	}

	/**
	 * Deletes the group and returns its global id; refused while customers are in it.
	 */
	String delete(Partition partition, String id) {
		long groupKey = InputIds.keyOf(id, CustomerGroup.TYPE, "id");
		if (!this.writes.delete(partition, groupKey)) {
			throw notFound();
		}
		return new GlobalId(CustomerGroup.TYPE, groupKey).encode();
	}

	private CustomerGroup find(Partition partition, long groupKey) {
		return this.groups.findByKeys(partition, List.of(groupKey)).get(groupKey);
	}

	private static UserErrorException notFound() {
		return new UserErrorException(UserErrorCode.NOT_FOUND, "No customer group has this id.", "id");
	}

}
