package dev.customergraph.cli;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway's commands: {@code keys create}, {@code keys list}, {@code keys revoke} and
 * {@code seed}. Each starts the application without its web server, against the same
 * database the server uses, runs, and exits.
 */
public final class CommandLine {

	static final String USAGE = """
			Usage:
			  java -jar customer-graph.jar                      serve GraphQL (embedded MariaDB unless SPRING_DATASOURCE_URL is set)
			  java -jar customer-graph.jar keys create --tenant T --mode test|live [--scopes customers:read,customers:write]
			                                                    create an API key and print it (last line of output)
			  java -jar customer-graph.jar keys list --tenant T  list T's keys: prefix, mode, scopes, created, last used, revoked
			  java -jar customer-graph.jar keys revoke PREFIX    revoke a key; running gateways refuse it within a few seconds
			  java -jar customer-graph.jar seed --tenant T --customers N [--existing fail|keep]
			                                                    write the benchmark dataset into T's test mode
			                                                    (keep: reuse T when it already holds N customers)
			  java -jar customer-graph.jar --help               show this help

			Settings (as --name=value, or environment variables):
			  SPRING_DATASOURCE_URL, _USERNAME, _PASSWORD       use this MySQL instead of the embedded engine
			  GATEWAY_EMBEDDED_DATA_DIR (gateway.embedded.data-dir)
			                                                    embedded data folder, default ~/.customer-graph
			  SERVER_PORT (server.port)                         HTTP port, default 8080
			""";

	private CommandLine() {
	}

	public static boolean isHelp(String argument) {
		return "--help".equals(argument) || "-h".equals(argument) || "help".equals(argument);
	}

	/** Runs a command and returns the process exit code. */
	public static int run(Class<?> application, String[] args) {
		// Also after a command (seed --help), where it would otherwise read as an option.
		if (isHelp(args[0]) || Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
			System.out.print(USAGE);
			return 0;
		}
		try {
			Command command = parse(args);
			String output;
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
				.web(WebApplicationType.NONE)
				.properties("gateway.demo.enabled=false", "logging.level.root=warn", "logging.level.ch.vorburger=error")
				.run(command.springArguments())) {
				output = command.run(context);
			}
			// After the context closed, so the key really is the last line.
			System.out.println(output);
			return 0;
		}
		catch (UsageException ex) {
			System.err.println("error: " + ex.getMessage());
			System.err.println();
			System.err.print(USAGE);
			return 2;
		}
		catch (RuntimeException ex) {
			System.err.println("error: " + rootMessage(ex));
			return 1;
		}
	}

	private static Command parse(String[] args) {
		List<String> words = Arrays.asList(args);
		if (words.size() >= 2 && words.get(0).equals("keys")) {
			List<String> rest = words.subList(2, words.size());
			return switch (words.get(1)) {
				case "create" -> KeysCreateCommand.from(options(rest));
				case "list" -> KeysListCommand.from(options(rest));
				case "revoke" -> KeysRevokeCommand.from(rest);
				default -> throw new UsageException("unknown command '" + String.join(" ", words) + "'");
			};
		}
		if (words.get(0).equals("seed")) {
			return SeedCommand.from(options(words.subList(1, words.size())));
		}
		throw new UsageException("unknown command '" + String.join(" ", words) + "'");
	}

	/**
	 * {@code --name value} and {@code --name=value} pairs; Spring properties pass through
	 * as {@code --a.b=c}.
	 */
	static Options options(List<String> words) {
		Map<String, String> values = new HashMap<>();
		List<String> spring = new java.util.ArrayList<>();
		for (int n = 0; n < words.size(); n++) {
			String word = words.get(n);
			if (!word.startsWith("--")) {
				throw new UsageException("unexpected argument '" + word + "'");
			}
			int equals = word.indexOf('=');
			String name = (equals > 0) ? word.substring(2, equals) : word.substring(2);
			if (name.contains(".")) {
				spring.add(word);
				continue;
			}
			String value;
			if (equals > 0) {
				value = word.substring(equals + 1);
			}
			else if (n + 1 < words.size() && !words.get(n + 1).startsWith("--")) {
				value = words.get(++n);
			}
			else {
				throw new UsageException("--" + name + " needs a value");
			}
			values.put(name, value);
		}
		return new Options(values, spring);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.toString();
	}

	/** A parsed command, ready to run in a started context. */
	interface Command {

		String[] springArguments();

		String run(ConfigurableApplicationContext context);

	}

}
