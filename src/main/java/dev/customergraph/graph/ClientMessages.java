package dev.customergraph.graph;

import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites graphql-java's validation and coercion messages so that no AST or Java class
 * name reaches a client: {@code 'EnumValue{name='FOO'}'} becomes {@code 'FOO'},
 * {@code 'ArrayList'} becomes {@code 'JSON list'}.
 */
final class ClientMessages {

	/**
	 * Literals as graphql-java prints AST nodes, each turned back into GraphQL syntax.
	 */
	private static final Map<Pattern, String> LITERALS = Map.of(Pattern.compile("StringValue\\{value='([^']*)'}"),
			"\"$1\"", Pattern.compile("(?:Int|Float|Boolean)Value\\{value=([^}]*)}"), "$1",
			Pattern.compile("EnumValue\\{name='(\\w*)'}"), "$1", Pattern.compile("NullValue\\{}"), "null",
			Pattern.compile("VariableReference\\{name='(\\w*)'}"), "\\$$1",
			Pattern.compile("ObjectField\\{name='(\\w*)', value=([^{}]*)}"), "$1: $2",
			Pattern.compile("ArrayValue\\{values=\\[([^{}]*)]}"), "[$1]",
			Pattern.compile("ObjectValue\\{objectFields=\\[([^{}]*)]}"), "{$1}");

	private static final Pattern AST_TYPES = Pattern
		.compile("Expected an AST type of '(\\w+)Value' but it was a '(\\w+)Value'");

	private static final Pattern JAVA_TYPE = Pattern.compile("it was an? '(\\w+)'");

	/** graphql-java's ID coercion names the Java type it was given. */
	private static final Pattern JAVA_TYPE_GIVEN = Pattern.compile("but was '(\\w+)'");

	private static final Pattern NOT_AN_INPUT_OBJECT = Pattern.compile(
			"Expected type 'Map' but was '(\\w+)'\\. Variables for input objects must be an instance of type 'Map'\\.");

	private static final Map<String, String> JSON_KINDS = Map.of("String", "string", "Integer", "number", "Long",
			"number", "Double", "number", "BigDecimal", "number", "BigInteger", "number", "Boolean", "boolean",
			"ArrayList", "list", "LinkedHashMap", "object");

	private ClientMessages() {
	}

	static String clean(String message) {
		String clean = message;
		// Lists and objects match once their items are rewritten: repeat until nothing
		// changes.
		for (String previous = null; !clean.equals(previous);) {
			previous = clean;
			for (Map.Entry<Pattern, String> literal : LITERALS.entrySet()) {
				clean = literal.getKey().matcher(clean).replaceAll(literal.getValue());
			}
		}
		clean = AST_TYPES.matcher(clean).replaceAll("Expected a literal of kind $1 but it was of kind $2");
		clean = NOT_AN_INPUT_OBJECT.matcher(clean)
			.replaceAll((match) -> "Expected an input object but it was a " + jsonKind(match));
		clean = JAVA_TYPE_GIVEN.matcher(clean).replaceAll((match) -> "but it was a " + jsonKind(match));
		return JAVA_TYPE.matcher(clean).replaceAll((match) -> "it was a " + jsonKind(match));
	}

	private static String jsonKind(MatchResult javaType) {
		return Matcher.quoteReplacement("JSON " + JSON_KINDS.getOrDefault(javaType.group(1), "value"));
	}

}
