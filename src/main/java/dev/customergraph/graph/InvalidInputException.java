package dev.customergraph.graph;

/**
 * A client sent an argument the gateway cannot use; the message is written for that
 * client.
 */
public class InvalidInputException extends RuntimeException {

	public InvalidInputException(String message) {
		super(message);
	}

}
