package dev.customergraph.cli;

/** A command line that does not parse; the message says what is wrong. */
class UsageException extends RuntimeException {

	UsageException(String message) {
		super(message);
	}

}
