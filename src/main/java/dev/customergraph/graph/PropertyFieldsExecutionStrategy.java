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
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.TrivialDataFetcher;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
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
 * value of the parent record: scalars, enums and objects without arguments, and lists of
 * them, served by graphql-java's own property data fetcher (a page's {@code id},
 * {@code email}, {@code tags}, {@code createdAt}, and its {@code pageInfo} and
 * {@code nodes} when they too hold only such fields). graphql-java would fetch and
 * complete each of them on its own, with an execution step, a data-fetching environment
 * and a round of instrumentation calls per field and row: most of the CPU a page of 50
 * costs. Here they are read and serialized in one pass over the object, with the schema's
 * own scalar and enum serialization and graphql-java's own field collection (fragments,
 * {@code @skip}, {@code @include}), and everything else (resolvers, DataLoaders, the
 * executed objects' instrumentation) still runs through graphql-java. The objects the
 * pass completes count towards the request's actual cost as graphql-java's would.
 * <p>
 * A value this pass cannot complete exactly as graphql-java would (null where the schema
 * says non-null, a value its scalar refuses, a future, an object with a field the pass
 * does not serve) is left to graphql-java, which then reports it as it always does.
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
		ObjectCount objects = new ObjectCount();
		fields.forEach((key, field) -> {
			Object value = completeField(context, type, source, field, objects);
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
		if (objects.count > 0 && context.getGraphQLContext()
			.get(RequestLimitsInstrumentation.ACTUAL_COST_KEY) instanceof AtomicInteger actualCost) {
			actualCost.addAndGet(objects.count);
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

	/**
	 * The field's completed value, or {@link #NOT_COMPLETED}; the objects it completed
	 * are added to {@code objects} only when the whole field completed.
	 */
	private @Nullable Object completeField(ExecutionContext context, GraphQLObjectType type, Object source,
			MergedField field, ObjectCount objects) {
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
		int before = objects.count;
		try {
			Object value = complete(context, property.get(), field,
					context.getValueUnboxer().unbox(reader.get().invoke(source)), objects);
			if (value == NOT_COMPLETED) {
				objects.count = before;
			}
			return value;
		}
		catch (Throwable ex) {
			// graphql-java reads it again and reports the failure where it belongs.
			objects.count = before;
			return NOT_COMPLETED;
		}
	}

	private @Nullable Object complete(ExecutionContext context, PropertyType property, MergedField field,
			@Nullable Object value, ObjectCount objects) {
		if (value == null) {
			return property.nonNull() ? NOT_COMPLETED : null;
		}
		// Collected once for a whole list: every element has the field's one object type.
		MergedSelectionSet selection = (property.leaf() instanceof GraphQLObjectType object)
				? this.fieldCollector.collectFields(FieldCollectorParameters.newParameters()
					.schema(context.getGraphQLSchema())
					.objectType(object)
					.fragments(context.getFragmentsByName())
					.variables(context.getCoercedVariables().toMap())
					.graphQLContext(context.getGraphQLContext())
					.build(), field)
				: null;
		if (!property.list()) {
			return leafValue(context, property, selection, value, property.nonNull(), objects);
		}
		if (!(value instanceof Collection<?> items)) {
			return NOT_COMPLETED;
		}
		List<@Nullable Object> values = new ArrayList<>(items.size());
		for (Object item : items) {
			Object completed = (item != null)
					? leafValue(context, property, selection, item, property.elementsNonNull(), objects)
					: (property.elementsNonNull() ? NOT_COMPLETED : null);
			if (completed == NOT_COMPLETED) {
				return NOT_COMPLETED;
			}
			values.add(completed);
		}
		return values;
	}

	private @Nullable Object leafValue(ExecutionContext context, PropertyType property,
			@Nullable MergedSelectionSet selection, Object value, boolean required, ObjectCount objects) {
		GraphQLType leaf = property.leaf();
		if (leaf instanceof GraphQLObjectType object) {
			return completeObject(context, object, Objects.requireNonNull(selection), value, objects);
		}
		try {
			Object serialized = (leaf instanceof GraphQLScalarType scalar)
					? scalar.getCoercing().serialize(value, context.getGraphQLContext(), context.getLocale())
					: ((GraphQLEnumType) leaf).serialize(value, context.getGraphQLContext(), context.getLocale());
			return (serialized == null && required) ? NOT_COMPLETED : serialized;
		}
		catch (CoercingSerializeException ex) {
			return NOT_COMPLETED;
		}
	}

	/** An object whose every selected field this pass completes, or none of it. */
	private Object completeObject(ExecutionContext context, GraphQLObjectType type, MergedSelectionSet selection,
			Object source, ObjectCount objects) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(selection.size() * 2);
		for (Map.Entry<String, MergedField> entry : selection.getSubFields().entrySet()) {
			Object value = completeField(context, type, source, entry.getValue(), objects);
			if (value == NOT_COMPLETED) {
				return NOT_COMPLETED;
			}
			values.put(entry.getKey(), value);
		}
		objects.count++;
		return values;
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

	/** How many objects a field's completion completed. */
	private static final class ObjectCount {

		private int count;

	}

	/**
	 * The output type of a field served by graphql-java's trivial property data fetcher:
	 * a scalar, enum or object type, or a list of one, and whether it and its elements
	 * are non-null.
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
			return (output instanceof GraphQLScalarType || output instanceof GraphQLEnumType
					|| output instanceof GraphQLObjectType)
							? Optional.of(new PropertyType(output, nonNull, list, elementsNonNull)) : Optional.empty();
		}

		private static GraphQLType unwrapNonNull(GraphQLType type) {
			return (type instanceof GraphQLNonNull nonNull) ? nonNull.getWrappedType() : type;
		}

	}

}
