# Builds the gateway from this repository. In a container the database is always external
# (SPRING_DATASOURCE_URL), so the embedded engine is never started there.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY schema schema
COPY src src
RUN mvn -B -ntp -q package -DskipTests

FROM eclipse-temurin:21-jre
RUN useradd --system --uid 10001 gateway
USER gateway
WORKDIR /app
COPY --from=build /src/target/customer-graph.jar /app/customer-graph.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/customer-graph.jar"]
