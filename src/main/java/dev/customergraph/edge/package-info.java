/**
 * The request edge: everything between an HTTP request and a resolver, in the order a
 * request meets it.
 * <ol>
 * <li>{@link dev.customergraph.edge.ContainerErrorReportValve}: requests Tomcat refuses
 * itself (headers over 8 KB, unparsable requests) get GraphQL error bodies too.</li>
 * <li>{@code observability.AccessLogFilter} gives the request its id and, at the end, its
 * access log line.</li>
 * <li>{@link dev.customergraph.edge.GraphQlShortcut}: the everyday request (a same-origin
 * JSON POST or a GET on the path spelled exactly) goes from the filter chain straight to
 * {@link dev.customergraph.edge.GraphQlEndpoint}, without the DispatcherServlet; anything
 * else goes on to the route.</li>
 * <li>{@link dev.customergraph.edge.GraphQlRoute}: every method on the configured GraphQL
 * path, as the router matches it (decoded, without path parameters), goes to
 * {@link dev.customergraph.edge.GraphQlEndpoint}. Authentication belongs to that route,
 * not to a string comparison in a filter: no path spelling the router accepts can skip
 * it.</li>
 * <li>{@link dev.customergraph.edge.GraphQlEndpoint}: media type, API key
 * ({@code tenancy.Authenticator}), then the request
 * ({@link dev.customergraph.edge.GraphQlRequestReader}, or
 * {@link dev.customergraph.edge.MultipartRequestReader} for a multipart request with
 * uploads) into graphql-java.</li>
 * <li>A WebSocket upgrade on the same path goes to Spring's GraphQL WebSocket handler
 * instead ({@link dev.customergraph.edge.GraphQlWebSocket}): nothing runs on the
 * connection until {@link dev.customergraph.edge.WebSocketAuthentication} has
 * authenticated the key of its {@code connection_init}, and each operation on it then
 * enters graphql-java with the caller, as a request does.</li>
 * <li>Inside graphql-java: {@code persisted} finds the document, {@code graph} checks the
 * limits, and {@link dev.customergraph.edge.OperationAccess} decides on the resolved
 * operation: caller, method and scope.</li>
 * <li>{@link dev.customergraph.edge.Responses} writes every answer; every refusal is a
 * {@link dev.customergraph.edge.Refusal}.</li>
 * </ol>
 * Outside the GraphQL route only GraphiQL ({@code /graphiql} and its scripts), the
 * printed schema ({@code /graphql/schema}, with introspection) and the actuator endpoints
 * answer, and none of them reads tenant data.
 */
@NullMarked
package dev.customergraph.edge;

import org.jspecify.annotations.NullMarked;
