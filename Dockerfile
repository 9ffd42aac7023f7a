# syntax=docker/dockerfile:1
# The gateway's image, built from this repository: docker build -t customer-graph .
# In a container the database is always external (SPRING_DATASOURCE_URL), so the jar is built
# with the `container` profile, which leaves the embedded engine's MariaDB binaries out.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
COPY schema schema
COPY src src
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -q -Pcontainer package -DskipTests
# Split the jar into Spring Boot's layers, so a code change rebuilds only the last layer.
RUN java -Djarmode=tools -jar target/customer-graph.jar extract --layers --destination /layers

FROM eclipse-temurin:21-jre
# curl for the health check only.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home gateway
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER gateway
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/customer-graph.jar"]
