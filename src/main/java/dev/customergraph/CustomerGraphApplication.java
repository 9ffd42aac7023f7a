package dev.customergraph;

import dev.customergraph.cli.CommandLine;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Customer Graph: a GraphQL gateway over customer data. Without arguments it serves;
 * {@code keys …} and {@code seed …} run a command against the same database and exit.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomerGraphApplication {

	public static void main(String[] args) {
		if (args.length == 0 || args[0].startsWith("--") && !CommandLine.isHelp(args[0])) {
			SpringApplication.run(CustomerGraphApplication.class, args);
		}
		else {
			System.exit(CommandLine.run(CustomerGraphApplication.class, args));
		}
	}

}
