package dev.customergraph.customer;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import dev.customergraph.graph.JsonColumns;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static dev.customergraph.mutation.PartialUpdates.bind;

/**
 * Writes customer rows and their tags (in their table and, as JSON, on the row), with the
 * search keys and the payment provider index that follow from the row, and erases them.
 * Email and code uniqueness is left to the unique keys, so it holds under any race: a
 * duplicate is reported as {@code TAKEN} on its field.
 */
@Repository
class CustomerWriteRepository {

	private static final String INSERT = """
			INSERT INTO customer (tenant_id, livemode, email, first_name, last_name, phone, locale, type, enabled, code,
			  vat_number, accepts_marketing, avatar_url, metadata, payment_providers, request_to_be_forgotten,
			  version, created_at, updated_at, group_id)
			VALUES (:tenantId, :livemode, :email, :firstName, :lastName, :phone, :locale, :type, :enabled, :code,
			  :vatNumber, :acceptsMarketing, :avatarUrl, :metadata, :paymentProviders, :requestToBeForgotten,
			  1, :now, :now, :groupKey)
			""";

	/**
	 * Every column keeps its value unless its {@code …Set} flag says the input carried
	 * the field.
	 */
	private static final String UPDATE = """
			UPDATE customer SET
			  email = IF(:emailSet, :email, email),
			  first_name = IF(:firstNameSet, :firstName, first_name),
			  last_name = IF(:lastNameSet, :lastName, last_name),
			  phone = IF(:phoneSet, :phone, phone),
			  locale = IF(:localeSet, :locale, locale),
			  type = IF(:typeSet, :type, type),
			  enabled = IF(:enabledSet, :enabled, enabled),
			  code = IF(:codeSet, :code, code),
			  vat_number = IF(:vatNumberSet, :vatNumber, vat_number),
			  accepts_marketing = IF(:acceptsMarketingSet, :acceptsMarketing, accepts_marketing),
			  avatar_url = IF(:avatarUrlSet, :avatarUrl, avatar_url),
			  metadata = IF(:metadataSet, :metadata, metadata),
			  payment_providers = IF(:paymentProvidersSet, :paymentProviders, payment_providers),
			  request_to_be_forgotten = IF(:requestToBeForgottenSet, :requestToBeForgotten, request_to_be_forgotten),
			  group_id = IF(:groupKeySet, :groupKey, group_id),
			  version = version + 1,
			  updated_at = :now
			WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
			""";

	private final JdbcClient jdbc;

	private final CustomerSearchKeys searchKeys;

	private final CustomerPaymentProviders paymentProviders;

	CustomerWriteRepository(JdbcClient jdbc, CustomerSearchKeys searchKeys, CustomerPaymentProviders paymentProviders) {
		this.jdbc = jdbc;
		this.searchKeys = searchKeys;
		this.paymentProviders = paymentProviders;
	}

	/**
	 * Inserts the customer at version 1, in the given group or none, and returns its key.
	 */
	long insert(Partition partition, CreateCustomerInput input, @Nullable Long groupKey) {
		LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		uniquely(() -> this.jdbc.sql(INSERT)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("email", input.email())
			.param("firstName", input.firstName())
			.param("lastName", input.lastName())
			.param("phone", input.phone())
			.param("locale", input.locale())
			.param("type", input.type().name())
			.param("enabled", input.enabled())
			.param("code", input.code())
			.param("vatNumber", input.vatNumber())
			.param("acceptsMarketing", input.acceptsMarketing())
			.param("avatarUrl", input.avatarUrl())
			.param("metadata", json(input.metadata()))
			.param("paymentProviders", json(input.paymentProviders()))
			.param("requestToBeForgotten", input.requestToBeForgotten())
			.param("now", now)
			.param("groupKey", groupKey)
			.update(keys, "id"));
		long customerKey = keys.getKeyAs(Number.class).longValue();
		this.searchKeys.add(partition, customerKey);
		if (!input.paymentProviders().isEmpty()) {
			this.paymentProviders.add(partition, customerKey);
		}
		return customerKey;
	}

	/**
	 * Writes the fields the input carries and counts the change; a changed name or email
	 * changes the search keys, and written payment providers their index.
	 * {@code groupKey} is the input's group, when it names one.
	 */
	void update(Partition partition, long customerKey, UpdateCustomerInput input, ArgumentValue<Long> groupKey) {
		StatementSpec update = statement(UPDATE, partition, customerKey).param("now",
				LocalDateTime.now(ZoneOffset.UTC));
		bind(update, "email", input.email());
		bind(update, "firstName", input.firstName());
		bind(update, "lastName", input.lastName());
		bind(update, "phone", input.phone());
		bind(update, "locale", input.locale());
		bind(update, "type", input.type(), CustomerType::name);
		bind(update, "enabled", input.enabled());
		bind(update, "code", input.code());
		bind(update, "vatNumber", input.vatNumber());
		bind(update, "acceptsMarketing", input.acceptsMarketing());
		bind(update, "avatarUrl", input.avatarUrl());
		bind(update, "metadata", input.metadata(), CustomerWriteRepository::json);
		bind(update, "paymentProviders", input.paymentProviders(), CustomerWriteRepository::json);
		bind(update, "requestToBeForgotten", input.requestToBeForgotten());
		bind(update, "groupKey", groupKey);
		uniquely(update::update);
		if (!input.email().isOmitted() || !input.firstName().isOmitted() || !input.lastName().isOmitted()) {
			this.searchKeys.replace(partition, customerKey);
		}
		if (!input.paymentProviders().isOmitted()) {
			this.paymentProviders.replace(partition, customerKey);
		}
	}

	/**
	 * Adds tags the customer does not have yet. IGNORE skips a tag the case- and
	 * accent-insensitive collation equates with one the customer has; lengths were
	 * validated.
	 */
	void addTags(Partition partition, long customerKey, Collection<String> tags) {
		if (!tags.isEmpty()) {
			insertTags(partition, customerKey, tags);
			copyTagsToRow(partition, customerKey);
		}
	}

	void removeTags(Partition partition, long customerKey, Collection<String> tags) {
		if (!tags.isEmpty()) {
			statement(
					"""
							DELETE FROM customer_tag
							WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey AND tag IN (:tags)
							""",
					partition, customerKey)
				.param("tags", tags)
				.update();
			copyTagsToRow(partition, customerKey);
		}
	}

	void replaceTags(Partition partition, long customerKey, List<String> tags) {
		deleteTags(partition, customerKey);
		insertTags(partition, customerKey, tags);
		copyTagsToRow(partition, customerKey);
	}

	int countTags(Partition partition, long customerKey) {
		return statement("""
				SELECT COUNT(*) FROM customer_tag
				WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey
				""", partition, customerKey).query(Integer.class).single();
	}

	private void deleteTags(Partition partition, long customerKey) {
		statement(
				"""
						DELETE FROM customer_tag WHERE tenant_id = :tenantId AND livemode = :livemode AND customer_id = :customerKey
						""",
				partition, customerKey)
			.update();
	}

	private void insertTags(Partition partition, long customerKey, Collection<String> tags) {
		for (String tag : tags) {
			statement("""
					INSERT IGNORE INTO customer_tag (tenant_id, livemode, customer_id, tag)
					VALUES (:tenantId, :livemode, :customerKey, :tag)
					""", partition, customerKey).param("tag", tag).update();
		}
	}

	/**
	 * Rewrites the customer row's copy of its tags (what reads show) from the tag table
	 * (what the IGNORE above kept), in the caller's transaction.
	 */
	private void copyTagsToRow(Partition partition, long customerKey) {
		statement("""
				UPDATE customer c SET c.tags = (SELECT JSON_ARRAYAGG(t.tag) FROM customer_tag t
				  WHERE t.tenant_id = :tenantId AND t.livemode = :livemode AND t.customer_id = :customerKey)
				WHERE c.tenant_id = :tenantId AND c.livemode = :livemode AND c.id = :customerKey
				""", partition, customerKey).update();
	}

	/**
	 * Deletes the customer row; its tags, search keys and payment provider rows go with
	 * it by cascade. What other features keep of it was erased before
	 * ({@link CustomerErasure}).
	 */
	void delete(Partition partition, long customerKey) {
		statement("DELETE FROM customer WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey",
				partition, customerKey)
			.update();
	}

	/**
	 * Replaces the customer's personal data and counts the change: the email by the
	 * placeholder, every other field that describes the person cleared, the defaults
	 * cleared (its addresses are deleted and its sources detached with it), and
	 * {@code erased_at} set; its tags, search keys and payment provider rows deleted. It
	 * leaves its group too: an erased customer takes no more changes, so it could never
	 * be moved out, and a group with customers cannot be deleted. Kept: the id, type,
	 * enabled, the timestamps and the version, which say nothing about the person.
	 * {@code request_to_be_forgotten} is set, as the erasure fulfils that request however
	 * it came.
	 */
	void erase(Partition partition, long customerKey, String placeholderEmail) {
		statement("""
				UPDATE customer SET email = :email, first_name = NULL, last_name = NULL, phone = NULL, locale = NULL,
				  code = NULL, tags = NULL, vat_number = NULL, accepts_marketing = FALSE, avatar_url = NULL,
				  metadata = NULL, payment_providers = NULL, request_to_be_forgotten = TRUE,
				  default_shipping_address_id = NULL, default_billing_address_id = NULL, default_source_id = NULL,
				  group_id = NULL, erased_at = :now, version = version + 1, updated_at = :now
				WHERE tenant_id = :tenantId AND livemode = :livemode AND id = :customerKey
				""", partition, customerKey).param("email", placeholderEmail)
			.param("now", LocalDateTime.now(ZoneOffset.UTC))
			.update();
		deleteTags(partition, customerKey);
		this.searchKeys.remove(partition, customerKey);
		this.paymentProviders.remove(partition, customerKey);
	}

	private StatementSpec statement(String sql, Partition partition, long customerKey) {
		return this.jdbc.sql(sql)
			.param("tenantId", partition.tenantId())
			.param("livemode", partition.livemode())
			.param("customerKey", customerKey);
	}

	/**
	 * Runs a write that may break the email or code unique key, and reports which as
	 * {@code TAKEN}, or the group foreign key (a group not in the partition, or deleted a
	 * moment ago), reported as {@code NOT_FOUND}.
	 */
	private static void uniquely(Runnable write) {
		try {
			write.run();
		}
		catch (DuplicateKeyException ex) {
			// MySQL and MariaDB name the violated key in the message: customer_by_email
			// or customer_by_code.
			boolean code = String.valueOf(ex.getMessage()).contains("customer_by_code");
			throw code ? new UserErrorException(UserErrorCode.TAKEN, "Another customer already has this code.", "code")
					: new UserErrorException(UserErrorCode.TAKEN, "Another customer already has this email.", "email");
		}
		catch (DataIntegrityViolationException ex) {
			if (String.valueOf(ex.getMessage()).contains("customer_in_group")) {
				throw new UserErrorException(UserErrorCode.NOT_FOUND, "No customer group has this id.", "groupId");
			}
			throw ex;
		}
	}

	/**
	 * A JSON column value; an empty list is stored as NULL, as the seeded data has it.
	 */
	private static @Nullable String json(@Nullable Object value) {
		boolean empty = value == null || (value instanceof Collection<?> list && list.isEmpty());
		return empty ? null : JsonColumns.write(value);
	}

}
