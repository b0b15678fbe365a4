# syntax=docker/dockerfile:1
# Roster's container image: `docker build -t roster .` then
#   docker run -p 8080:8080 -v roster-data:/var/lib/roster roster
# (embedded SQLite in the volume), or see compose.yaml for PostgreSQL and a mail catcher.

# --- build: the release binary (the plugins are built apart: they are yours) ---
FROM rust:1.95.0-slim-bookworm AS build
WORKDIR /src
# jemalloc (the server's allocator) is built with make, which the slim image lacks.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends make \
    && rm -rf /var/lib/apt/lists/*
# The toolchain file asks for the wasm32-wasip2 target too; the server does not need it here.
ENV RUSTUP_TOOLCHAIN=1.95.0
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p roster --bin roster \
    && cp target/release/roster /roster

# --- run: a small Debian with the binary, as an unprivileged user ---
FROM debian:bookworm-slim
# Not pinned (DL3008): the image takes Debian's security updates of these two when it is rebuilt.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/roster --create-home roster
COPY --from=build /roster /usr/local/bin/roster
COPY config/roster.toml /etc/roster/roster.toml
WORKDIR /var/lib/roster
# SQLite data, the plugins (put .wasm components and their manifests in plugins/) and their
# compiled cache live in the volume.
ENV ROSTER_CONFIG=/etc/roster/roster.toml \
    ROSTER_SERVER__BIND=0.0.0.0:8080 \
    ROSTER_METRICS__BIND=0.0.0.0:9464 \
    ROSTER_DATABASE__URL=sqlite:///var/lib/roster/data/roster.db \
    ROSTER_PLUGINS__DIR=/var/lib/roster/plugins \
    ROSTER_PLUGINS__CACHE_DIR=/var/lib/roster/data/plugin-cache \
    ROSTER_MAIL__FILE__DIR=/var/lib/roster/data/mail \
    ROSTER_LOG__FORMAT=json
RUN mkdir -p /var/lib/roster/data /var/lib/roster/plugins && chown -R roster:roster /var/lib/roster
VOLUME ["/var/lib/roster"]
USER 10001:10001
# 8080: the public port (client area, admin area, APIs); 9464: /metrics only, for Prometheus on
# the monitoring network (never publish it to the internet).
EXPOSE 8080 9464
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
    CMD ["curl", "-fsS", "http://127.0.0.1:8080/readyz"]
ENTRYPOINT ["/usr/local/bin/roster"]
CMD ["serve"]
