# syntax=docker/dockerfile:1
#
# FACT Lab: production image.
#   docker build -t factlab .
#   docker run -p 127.0.0.1:8080:8080 -v factlab-data:/app/data factlab
#
# Stage 1 builds the production jar (Vaadin production bundle, no dev tools) with Maven and JDK 17. Node 20 /
# npm are there only for the case that the committed src/main/bundles/prod.bundle is stale (frontend/ changed
# since it was built): Vaadin then runs npm install + Vite, which needs the npm registry.
# Stage 2 runs the jar on a JRE 17 as a non-root user, with the H2 database in the /app/data volume.

FROM node:20-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
    && node --version && npm --version
WORKDIR /build
COPY . .
# Comma-separated Maven profiles; "production,cuda" builds the jar with ND4J's CUDA backend instead.
ARG MAVEN_PROFILES=production
RUN --mount=type=cache,target=/root/.m2 --mount=type=cache,target=/root/.npm \
    mvn -B -P"${MAVEN_PROFILES}" -DskipTests package \
    && cp target/factlab-*.jar /build/factlab.jar

FROM eclipse-temurin:17-jre
# A home of its own: ND4J unpacks its native libraries (~400 MB) into ~/.javacpp/cache on first use.
RUN groupadd --system factlab \
    && useradd --system --gid factlab --create-home --home-dir /home/factlab --shell /usr/sbin/nologin factlab \
    && mkdir -p /app/data \
    && chown -R factlab:factlab /app
WORKDIR /app
COPY --from=build --chown=factlab:factlab /build/factlab.jar /app/factlab.jar
# Bundled datasets (MNIST, UCI tables) beside the database volume, so the volume never hides them. Mount more
# (Fashion-MNIST, CIFAR-10) over /app/datasets/<name>, e.g. -v /srv/cifar:/app/datasets/cifar-10-batches-bin:ro
COPY --from=build --chown=factlab:factlab /build/data/ /app/datasets/
USER factlab
# Half the container's memory for the heap: ND4J's off-heap buffers may grow as large as the heap again.
# SERVER_ADDRESS: every interface of the container, so Docker's port mapping reaches it (publish it on the host's
# loopback, -p 127.0.0.1:8080:8080, unless login is on).
ENV FACTLAB_DATA_DIR=/app/data \
    SERVER_ADDRESS=0.0.0.0 \
    FACTLAB_DATASETS_DIR=/app/datasets \
    PORT=8080 \
    JAVA_OPTS="-XX:MaxRAMPercentage=50 --add-modules jdk.incubator.vector"
VOLUME ["/app/data"]
EXPOSE 8080
# bash's /dev/tcp: the JRE image needs no curl or wget for this.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/${PORT} && printf "GET /api/kinds HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && head -n 1 <&3 | grep -q "^HTTP/1\.[01] 200"'
# Extra arguments go to the application, e.g. docker run … factlab --factlab.memory-budget-bytes=8589934592
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/factlab.jar \"$@\"", "factlab"]
