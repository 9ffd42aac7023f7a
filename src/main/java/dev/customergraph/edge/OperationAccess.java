package dev.customergraph.edge;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.customergraph.graph.ErrorCode;
import dev.customergraph.graph.Upload;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.tenancy.Scope;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition.Operation;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides whether the resolved operation may run, once graphql-java has parsed and
 * validated the document and picked the operation, whichever way the document came (its
 * text, a persisted-query hash, the trusted list), and before any resolver runs:
 * <ol>
 * <li>no caller in the context is {@code UNAUTHENTICATED}: the engine never runs for
 * nobody, whatever route or transport reached it;</li>
 * <li>a subscription anywhere but on a WebSocket is {@code BAD_REQUEST}: an HTTP response
 * cannot carry its events;</li>
 * <li>a mutation over anything but POST is {@code METHOD_NOT_ALLOWED} (GET must not
 * change anything, and over WebSocket no request log would record who changed what; an
 * unknown transport counts as GET);</li>
 * <li>anything but a mutation sent as a multipart request with uploads is
 * {@code INVALID}: files are inputs of mutations only;</li>
 * <li>a mutation needs {@code customers:write}; a query or a subscription
 * {@code customers:read}, unless it asks only who the caller is or what the schema is
 * ({@code viewer}, introspection, {@code _service}), which any valid key may; otherwise
 * {@code FORBIDDEN}.</li>
 * </ol>
 * It runs first among the instrumentations, so an unauthorised request costs no cost
 * computation either, and it looks at the operation once, not at every field.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperationAccess implements Instrumentation {

	/** Root fields that read no tenant data. */
	private static final Set<String> ANY_KEY_FIELDS = Set.of("viewer", "__typename", "__schema", "__type", "_service");

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		@Nullable Caller caller = context.getGraphQLContext().get(Caller.CONTEXT_KEY);
		if (caller == null) {
			throw Refusal.unauthenticated();
		}
		Operation operation = context.getOperationDefinition().getOperation();
		boolean post = HttpMethod.POST.equals(context.getGraphQLContext().get(HttpMethod.class));
		boolean webSocket = context.getGraphQLContext().hasKey(WebSocketSessionInfo.class);
		if (operation == Operation.SUBSCRIPTION && !webSocket) {
			throw Refusal.badRequest("Subscriptions run over WebSocket: connect to this path with the "
					+ "graphql-transport-ws protocol (e.g. graphql-ws's createClient).");
		}
		if (operation == Operation.MUTATION && !post) {
			throw Refusal.methodNotAllowed(webSocket ? "Mutations are not sent over WebSocket; send them with POST."
					: "Only queries run over GET; send mutations with POST.", HttpMethod.POST);
		}
		if (operation != Operation.MUTATION && Boolean.TRUE.equals(context.getGraphQLContext().get(Upload.class))) {
			throw new Refusal(HttpStatus.BAD_REQUEST, ErrorCode.INVALID,
					"Only mutations may carry uploads; send a query as JSON.");
		}
		if (operation == Operation.MUTATION && !caller.can(Scope.WRITE)) {
			throw Refusal.forbidden("This API key may not write; mutations need the customers:write scope.");
		}
		if (operation != Operation.MUTATION && !caller.can(Scope.READ) && readsData(context)) {
			throw Refusal
				.forbidden("This API key may not read; queries and subscriptions need the customers:read scope.");
		}
		return SimpleInstrumentationContext.noOp();
	}

	private static boolean readsData(ExecutionContext context) {
		return readsData(context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName(),
				new HashSet<>());
	}

	/**
	 * Whether a root selection holds a field beyond {@link #ANY_KEY_FIELDS}, through
	 * fragments too; each fragment is looked into once, so this is linear in the
	 * document.
	 */
	private static boolean readsData(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Set<String> seen) {
		for (Selection<?> selection : selections.getSelections()) {
			if (reads(selection, fragments, seen)) {
				return true;
			}
		}
		return false;
	}

	private static boolean reads(Selection<?> selection, Map<String, FragmentDefinition> fragments, Set<String> seen) {
		if (selection instanceof Field field) {
			return !ANY_KEY_FIELDS.contains(field.getName());
		}
		if (selection instanceof InlineFragment inline) {
			return readsData(inline.getSelectionSet(), fragments, seen);
		}
		if (selection instanceof FragmentSpread spread) {
			return seen.add(spread.getName())
					&& readsData(fragments.get(spread.getName()).getSelectionSet(), fragments, seen);
		}
		return true;
	}

}
