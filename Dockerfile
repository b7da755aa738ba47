# dockbot's container image.
#
#   docker build -t dockbot .
#   docker build --network host --build-arg BASE=my-bookworm-python -t dockbot .
#
# BASE is any Debian-like image with python3 (3.11+) and its venv module: the official slim
# Python image by default, or a Debian bookworm with only python3, python3-venv and
# ca-certificates. Stage 1 builds wheels for dockbot and its dependencies; stage 2 installs
# them into a virtualenv and runs as a fixed non-root user (10001:10001). The knowledge base
# ships inside the dockbot wheel; /opt/dockbot/knowledge points at it, so DOCKBOT_KNOWLEDGE can
# name it before the team's own folders (/opt/dockbot/knowledge:/etc/dockbot/team). Nothing is written outside /tmp at run time, so the
# container works with `--read-only --tmpfs /tmp` (Kubernetes: readOnlyRootFilesystem and an
# emptyDir on /tmp). Few instructions on purpose: each one is a layer or a container commit.
ARG BASE=python:3.11-slim-bookworm

FROM ${BASE} AS build
# pip trusts the system CA store, so a base image carrying an organisation's CA works.
ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
COPY . /src
RUN python3 -m venv /opt/build \
 && /opt/build/bin/pip wheel --quiet --wheel-dir /out/wheels "/src[redis,metrics]" \
 && cp /src/deploy/healthcheck.py /out/healthcheck.py

FROM ${BASE}
ENV PATH=/opt/dockbot/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    DOCKBOT_CACHE_DIR=/tmp/dockbot-cache \
    DOCKBOT_HISTORY=/tmp/.dockbot_history
COPY --from=build /out /tmp/dist
RUN python3 -m venv /opt/dockbot \
 && /opt/dockbot/bin/pip install --quiet --no-cache-dir --disable-pip-version-check \
      --no-index --find-links /tmp/dist/wheels "dockbot[redis,metrics]" \
 && /opt/dockbot/bin/pip uninstall --quiet --yes pip \
 && install -m 0755 /tmp/dist/healthcheck.py /opt/dockbot/healthcheck.py \
 && ln -s "$(/opt/dockbot/bin/python -c 'import bot.settings as s; print(s.default_knowledge_dir())')" \
      /opt/dockbot/knowledge \
 && rm -rf /tmp/dist \
 && groupadd --system --gid 10001 dockbot \
 && useradd --system --uid 10001 --gid 10001 --home-dir /tmp --no-create-home \
      --shell /usr/sbin/nologin dockbot \
 && dockbot kb check && DOCKBOT_KNOWLEDGE=/opt/dockbot/knowledge dockbot kb check
USER 10001:10001
EXPOSE 3000
# GET /healthz on DOCKBOT_HEALTH_PORT when set, else on the serving port. Socket Mode without
# DOCKBOT_HEALTH_PORT serves no HTTP; there the check only confirms the process is alive.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python3", "/opt/dockbot/healthcheck.py"]
ENTRYPOINT ["dockbot"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3000"]
