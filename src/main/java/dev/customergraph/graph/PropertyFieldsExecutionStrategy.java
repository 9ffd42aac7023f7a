package dev.customergraph.graph;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import graphql.TrivialDataFetcher;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.MergedField;
import graphql.execution.MergedSelectionSet;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * graphql-java's {@link AsyncExecutionStrategy}, except for the fields that only read a
 * value of the parent record: scalars, enums and lists of them without arguments, served
 * by graphql-java's own property data fetcher (a page's {@code id}, {@code email},
 * {@code tags}, {@code createdAt} …). graphql-java would fetch and complete each of them
 * on its own, with an execution step, a data-fetching environment and a round of
 * instrumentation calls per field and row: most of the CPU a page of 50 costs. Here they
 * are read and serialized in one pass over the object, with the schema's own scalar and
 * enum serialization, and everything else (resolvers, nested objects, DataLoaders, the
 * object's instrumentation and its cost) still runs through graphql-java.
 * <p>
 * A value this pass cannot complete exactly as graphql-java would (null where the schema
 * says non-null, a value its scalar refuses, a future) is left to graphql-java, which
 * then reports it as it always does.
 */
final class PropertyFieldsExecutionStrategy extends AsyncExecutionStrategy {

	/** A field this pass leaves to graphql-java. */
	private static final Object NOT_COMPLETED = new Object();

	private final Map<GraphQLObjectType, Map<String, Optional<PropertyType>>> propertyTypes = new ConcurrentHashMap<>();

	private final ClassValue<Map<String, Optional<MethodHandle>>> readers = new ClassValue<>() {
		@Override
		protected Map<String, Optional<MethodHandle>> computeValue(Class<?> type) {
			return new ConcurrentHashMap<>();
		}
	};

	PropertyFieldsExecutionStrategy(DataFetcherExceptionHandler exceptionHandler) {
		super(exceptionHandler);
	}

	@Override
	@SuppressWarnings("unchecked")
	protected Object executeObject(ExecutionContext context, ExecutionStrategyParameters parameters) {
		Object source = parameters.getSource();
		if (context.hasIncrementalSupport() || source == null
				|| !(parameters.getExecutionStepInfo().getUnwrappedNonNullType() instanceof GraphQLObjectType type)) {
			return super.executeObject(context, parameters);
		}
		Map<String, MergedField> fields = parameters.getFields().getSubFields();
		Map<String, @Nullable Object> completed = new HashMap<>();
		Map<String, MergedField> rest = new LinkedHashMap<>();
		fields.forEach((key, field) -> {
			Object value = complete(context, type, source, field);
			if (value == NOT_COMPLETED) {
				rest.put(key, field);
			}
			else {
				completed.put(key, value);
			}
		});
		if (completed.isEmpty()) {
			return super.executeObject(context, parameters);
		}
		// graphql-java still executes the object (its instrumentation, the cost of one
		// object, the DataLoader dispatch), with the remaining fields.
		Object executed = super.executeObject(context, parameters.transform(
				(builder) -> builder.fields(MergedSelectionSet.newMergedSelectionSet().subFields(rest).build())));
		if (executed instanceof CompletableFuture<?> future) {
			return future.thenApply((values) -> inOrder(fields, completed, (Map<String, Object>) values));
		}
		return inOrder(fields, completed, (Map<String, Object>) executed);
	}

	private static Map<String, @Nullable Object> inOrder(Map<String, MergedField> fields,
			Map<String, @Nullable Object> completed, Map<String, Object> executed) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(fields.size() * 2);
		for (String key : fields.keySet()) {
			values.put(key, completed.containsKey(key) ? completed.get(key) : executed.get(key));
		}
		return values;
	}

	private @Nullable Object complete(ExecutionContext context, GraphQLObjectType type, Object source,
			MergedField field) {
		if (field.isDeferred() || !field.getArguments().isEmpty()) {
			return NOT_COMPLETED;
		}
		String name = field.getName();
		if (name.equals("__typename")) {
			return type.getName();
		}
		Optional<PropertyType> property = propertyType(context, type, name);
		Optional<MethodHandle> reader = (property.isPresent()) ? reader(source.getClass(), name) : Optional.empty();
		if (reader.isEmpty()) {
			return NOT_COMPLETED;
		}
		try {
			return property.get().complete(context, context.getValueUnboxer().unbox(reader.get().invoke(source)));
		}
		catch (Throwable ex) {
			// graphql-java reads it again and reports the failure where it belongs.
			return NOT_COMPLETED;
		}
	}

	// Looked up before computeIfAbsent: its capturing lambda would cost an allocation per
	// field and row.
	private Optional<PropertyType> propertyType(ExecutionContext context, GraphQLObjectType type, String name) {
		Map<String, Optional<PropertyType>> ofType = this.propertyTypes.get(type);
		if (ofType == null) {
			ofType = this.propertyTypes.computeIfAbsent(type, (objectType) -> new ConcurrentHashMap<>());
		}
		Optional<PropertyType> property = ofType.get(name);
		return (property != null) ? property
				: ofType.computeIfAbsent(name, (fieldName) -> PropertyType.of(context, type, fieldName));
	}

	private Optional<MethodHandle> reader(Class<?> type, String name) {
		Map<String, Optional<MethodHandle>> ofType = this.readers.get(type);
		Optional<MethodHandle> reader = ofType.get(name);
		return (reader != null) ? reader : ofType.computeIfAbsent(name, (fieldName) -> readerOf(type, fieldName));
	}

	/**
	 * The record accessor graphql-java's property data fetcher would call: a public
	 * {@code name()} method, when no {@code getName()} or {@code isName()} takes
	 * precedence, that returns a value rather than a promise of one.
	 */
	private static Optional<MethodHandle> readerOf(Class<?> type, String name) {
		if (!type.isRecord()) {
			return Optional.empty();
		}
		String suffix = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		try {
			Method method = type.getMethod(name);
			Class<?> returned = method.getReturnType();
			if (Modifier.isStatic(method.getModifiers()) || returned == void.class || hasMethod(type, "get" + suffix)
					|| hasMethod(type, "is" + suffix) || CompletionStage.class.isAssignableFrom(returned)
					|| Future.class.isAssignableFrom(returned) || Publisher.class.isAssignableFrom(returned)
					|| DataFetcherResult.class.isAssignableFrom(returned)) {
				return Optional.empty();
			}
			method.setAccessible(true);
			return Optional.of(MethodHandles.lookup().unreflect(method));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static boolean hasMethod(Class<?> type, String name) {
		try {
			type.getMethod(name);
			return true;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	/**
	 * The output type of a field served by graphql-java's trivial property data fetcher:
	 * a scalar or enum, or a list of them, and whether it and its elements are non-null.
	 */
	private record PropertyType(GraphQLType leaf, boolean nonNull, boolean list, boolean elementsNonNull) {

		static Optional<PropertyType> of(ExecutionContext context, GraphQLObjectType type, String name) {
			GraphQLFieldDefinition definition = type.getFieldDefinition(name);
			if (definition == null || !definition.getArguments().isEmpty()
					|| !(context.getGraphQLSchema()
						.getCodeRegistry()
						.getDataFetcher(type, definition) instanceof TrivialDataFetcher<?>)) {
				return Optional.empty();
			}
			GraphQLType output = definition.getType();
			boolean nonNull = output instanceof GraphQLNonNull;
			output = unwrapNonNull(output);
			boolean list = output instanceof GraphQLList;
			boolean elementsNonNull = false;
			if (list) {
				output = ((GraphQLList) output).getWrappedType();
				elementsNonNull = output instanceof GraphQLNonNull;
				output = unwrapNonNull(output);
			}
			return (output instanceof GraphQLScalarType || output instanceof GraphQLEnumType)
					? Optional.of(new PropertyType(output, nonNull, list, elementsNonNull)) : Optional.empty();
		}

		private static GraphQLType unwrapNonNull(GraphQLType type) {
			return (type instanceof GraphQLNonNull nonNull) ? nonNull.getWrappedType() : type;
		}

		@Nullable Object complete(ExecutionContext context, @Nullable Object value) {
			if (value == null) {
				return this.nonNull ? NOT_COMPLETED : null;
			}
			if (!this.list) {
				return leafValue(context, value, this.nonNull);
			}
			if (!(value instanceof Collection<?> items)) {
				return NOT_COMPLETED;
			}
			List<@Nullable Object> values = new ArrayList<>(items.size());
			for (Object item : items) {
				Object serialized = (item != null) ? leafValue(context, item, this.elementsNonNull)
						: (this.elementsNonNull ? NOT_COMPLETED : null);
				if (serialized == NOT_COMPLETED) {
					return NOT_COMPLETED;
				}
				values.add(serialized);
			}
			return values;
		}

		private @Nullable Object leafValue(ExecutionContext context, Object value, boolean required) {
			try {
				Object serialized = (this.leaf instanceof GraphQLScalarType scalar)
						? scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale())
						: ((GraphQLEnumType) this.leaf).serialize(value, context.getGraphQLContext(),
								context.getLocale());
				return (serialized == null && required) ? NOT_COMPLETED : serialized;
			}
			catch (CoercingSerializeException ex) {
				return NOT_COMPLETED;
			}
		}

	}

}
