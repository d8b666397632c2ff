# One image recipe for the three services: docker compose passes SERVICE and MAIN_CLASS.
# Build stage: the Maven build of this repository (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-21 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl ${SERVICE} -am package \
 && mkdir -p /app && cp -r ${SERVICE}/target/${SERVICE}.jar ${SERVICE}/target/lib /app/

FROM eclipse-temurin:21-jre
ARG SERVICE
ARG MAIN_CLASS
# The jar's manifest names MAIN_CLASS (service.main.class in the module's pom); the arg documents it.
LABEL org.opencontainers.image.title="pantau ${SERVICE}" id.pantau.main-class="${MAIN_CLASS}"
ENV SERVICE_JAR=/app/${SERVICE}.jar
RUN useradd --system --uid 10001 pantau && mkdir -p /data && chown pantau /data
COPY --from=build /app /app
USER pantau
WORKDIR /app
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar \"$SERVICE_JAR\" \"$@\"", "--"]
