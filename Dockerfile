# syntax=docker/dockerfile:1
# One image recipe for every Benchpulse service, from the layered -exec jar that
# ./mvnw -B -ntp -DskipTests package leaves in <module>/target/. docker compose (docker-compose.yml) builds it once
# per service with the module's name and port as build arguments:
#   docker build --build-arg MODULE=results-service --build-arg PORT=8082 --target service .
# The runner's image is the `runner-service` target: the same, plus the docker CLI.
ARG MODULE
ARG PORT

FROM eclipse-temurin:21.0.8_9-jre-noble AS layers
ARG MODULE
WORKDIR /build
COPY ${MODULE}/target/${MODULE}-*-exec.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:21.0.8_9-jre-noble AS service
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 benchpulse \
    && useradd --system --uid 10001 --gid benchpulse --no-create-home --shell /usr/sbin/nologin benchpulse
WORKDIR /app
# Least-changing layers first, so a code change rebuilds only the last one.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
ARG PORT
EXPOSE ${PORT}
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=10s --timeout=5s --start-period=40s --retries=12 \
    CMD curl -fsS "http://localhost:${SERVER_PORT}/actuator/health" || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

FROM service AS runner-service
# The docker CLI: samples run in the php-8.x containers through `docker exec` (socket mounted by compose).
COPY --from=docker:28.2.2-cli /usr/local/bin/docker /usr/local/bin/docker
