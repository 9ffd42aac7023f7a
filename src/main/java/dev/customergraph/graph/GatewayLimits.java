package dev.customergraph.graph;

import java.time.Duration;

import graphql.parser.ParserOptions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The bounds every request is held to, from {@code gateway.limits.*}. The README's
 * "Limits and errors" section lists them with the code a request over each one gets.
 *
 * @param maxBodySize largest POST body
 * @param maxTokens most grammar tokens in a document (graphql-java's parser limit)
 * @param maxDepth deepest field nesting, fragments inlined
 * @param maxAliases most aliased fields, fragments inlined
 * @param maxFields most selections (fields, fragment spreads, inline fragments),
 * fragments inlined
 * @param maxRootFields most fields selected on the operation's root type
 * @param maxDirectivesPerField most directives on one field, fragment spread or inline
 * fragment
 * @param maxListLength most items in any list argument, e.g. {@code nodes(ids:)}
 * @param maxCost largest requested query cost
 * @param defaultPageSize page size when neither {@code first} nor {@code last} is given
 * @param maxPageSize largest {@code first} or {@code last}
 * @param requestTimeout wall-clock budget of one request's execution and its SQL
 * @param maxOffset largest {@code offset} of a root connection; deeper pages are read
 * with cursors
 */
@ConfigurationProperties("gateway.limits")
public record GatewayLimits(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("15000") int maxTokens,
		@DefaultValue("15") int maxDepth, @DefaultValue("30") int maxAliases, @DefaultValue("500") int maxFields,
		@DefaultValue("20") int maxRootFields, @DefaultValue("10") int maxDirectivesPerField,
		@DefaultValue("100") int maxListLength, @DefaultValue("1000") int maxCost,
		@DefaultValue("10") int defaultPageSize, @DefaultValue("100") int maxPageSize,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("10000") int maxOffset) {

	/**
	 * graphql-java's operation parser options with our token limit; its other DoS limits
	 * stay at their defaults.
	 */
	public ParserOptions parserOptions() {
		return ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(this.maxTokens));
	}

}
