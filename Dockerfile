# One image recipe for the three services: docker compose passes SERVICE and MAIN_CLASS.
# Build stage: the Maven build of this repository (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-21 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl ${SERVICE} -am install \
 && mvn -B -q -pl ${SERVICE} dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/app/lib \
 && cp ${SERVICE}/target/${SERVICE}-*.jar /app/service.jar

FROM eclipse-temurin:21-jre
ARG MAIN_CLASS
ENV MAIN_CLASS=${MAIN_CLASS}
RUN useradd --system --uid 10001 pantau && mkdir -p /data && chown pantau /data
COPY --from=build /app /app
USER pantau
WORKDIR /app
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp '/app/service.jar:/app/lib/*' $MAIN_CLASS \"$@\"", "--"]
