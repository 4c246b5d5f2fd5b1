# lbsim in a container: a Java 17 runtime with lbsim's jar and the shipped scenarios, for running
# campaigns on a cluster (examples/kubernetes, docs/campaigns.md).
#
#   docker build -t lbsim .
#   docker run --rm -v "$PWD/results:/results" lbsim run scenarios/two-instances.yaml \
#       --replications 20 --campaign /results/study.db
#
# The first stage builds the jar from the sources with Maven; the second holds only the runtime,
# the jar and the scenarios. The working directory is /opt/lbsim, so scenarios/... resolves there.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# The dependencies first, in a layer of their own that a change to the sources does not invalidate.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
# The scenarios travel in the jar too (the window opens the jar's copy).
COPY scenarios scenarios
COPY src src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /opt/lbsim
COPY --from=build /src/target/lbsim.jar lbsim.jar
COPY scenarios scenarios
# `lbsim ARGS` as on a workstation: headless (charts are drawn without a display), with the serial
# collector the ./lbsim launcher uses, and LBSIM_JAVA_OPTS for more (-Xmx4g for a big cluster).
RUN printf '#!/bin/sh\nexec java ${LBSIM_JAVA_OPTS:-} -XX:+UseSerialGC -Djava.awt.headless=true -jar /opt/lbsim/lbsim.jar "$@"\n' \
        > /usr/local/bin/lbsim \
    && chmod 755 /usr/local/bin/lbsim
# Runs as a user without privileges; results go to a mounted volume it may write.
RUN useradd --system --uid 10001 --home-dir /opt/lbsim lbsim
USER 10001
ENTRYPOINT ["lbsim"]
CMD ["--help"]
