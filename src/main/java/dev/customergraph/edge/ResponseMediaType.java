package dev.customergraph.edge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.customergraph.graph.ErrorCode;

import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Picks the response media type from {@code Accept}, as GraphQL over HTTP asks: the
 * client's most preferred of {@code application/graphql-response+json} and
 * {@code application/json}; {@code application/json} when it sends no {@code Accept} or a
 * wildcard.
 */
final class ResponseMediaType {

	static final MediaType GRAPHQL_RESPONSE = MediaTypes.APPLICATION_GRAPHQL_RESPONSE;

	private ResponseMediaType() {
	}

	static MediaType of(ServerRequest.Headers headers) {
		List<MediaType> accepted;
		try {
			accepted = new ArrayList<>(headers.accept());
		}
		catch (InvalidMediaTypeException ex) {
			throw notAcceptable();
		}
		if (accepted.isEmpty()) {
			return MediaType.APPLICATION_JSON;
		}
		// A stable sort: among equal qualities the client's order stands.
		accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : accepted) {
			if (type.getQualityValue() == 0) {
				continue;
			}
			if (GRAPHQL_RESPONSE.equalsTypeAndSubtype(type)) {
				return GRAPHQL_RESPONSE;
			}
			if (type.includes(MediaType.APPLICATION_JSON)) {
				return MediaType.APPLICATION_JSON;
			}
		}
		throw notAcceptable();
	}

	private static Refusal notAcceptable() {
		return new Refusal(HttpStatus.NOT_ACCEPTABLE, ErrorCode.NOT_ACCEPTABLE,
				"Accept application/graphql-response+json or application/json.");
	}

}
