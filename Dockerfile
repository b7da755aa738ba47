# dockbot's container image.
#
#   docker build -t dockbot .
#   docker build --network host --build-arg BASE=my-bookworm-python -t dockbot .
#
# BASE is any Debian-like image with python3 (3.11+) and its venv module: the official slim
# Python image by default, or a Debian bookworm with only python3, python3-venv and
# ca-certificates. Stage 1 builds wheels for dockbot and its dependencies; stage 2 installs
# them into a virtualenv and runs as a fixed non-root user. The knowledge base ships inside
# the dockbot wheel. Nothing is written outside /tmp at run time, so the container works with
# `--read-only --tmpfs /tmp` (Kubernetes: readOnlyRootFilesystem plus an emptyDir on /tmp).
ARG BASE=python:3.11-slim-bookworm

FROM ${BASE} AS build
# pip trusts the system CA store (so a base image carrying an organisation's CA works);
# PIP_INDEX_URL may point at a mirror. Neither is kept in the final image.
ARG PIP_CERT=/etc/ssl/certs/ca-certificates.crt
ARG PIP_INDEX_URL=https://pypi.org/simple
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1
WORKDIR /src
RUN python3 -m venv /opt/build
COPY pyproject.toml README.md ./
COPY knowledge ./knowledge
COPY bot ./bot
RUN /opt/build/bin/pip wheel --quiet --wheel-dir /wheels .

FROM ${BASE}
ARG UID=10001
ARG GID=10001
ENV PATH=/opt/dockbot/bin:$PATH \
    PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    HOME=/tmp \
    DOCKBOT_CACHE_DIR=/tmp/dockbot-cache \
    DOCKBOT_HISTORY=/tmp/.dockbot_history
COPY --from=build /wheels /wheels
COPY deploy/healthcheck.py /opt/dockbot/healthcheck.py
RUN python3 -m venv /opt/dockbot \
 && /opt/dockbot/bin/pip install --quiet --no-index --find-links /wheels dockbot \
 && /opt/dockbot/bin/pip uninstall --quiet --yes pip \
 && rm -rf /wheels \
 && groupadd --system --gid "${GID}" dockbot \
 && useradd --system --uid "${UID}" --gid "${GID}" --home-dir /tmp --no-create-home \
      --shell /usr/sbin/nologin dockbot \
 && dockbot kb check
USER ${UID}:${GID}
WORKDIR /tmp
EXPOSE 3000
LABEL org.opencontainers.image.title="dockbot" \
      org.opencontainers.image.description="Docker command cheat-sheet assistant for teams (Slack and CLI)" \
      org.opencontainers.image.licenses="MIT"
# HTTP mode: GET /healthz on the serving port. Socket Mode has no HTTP endpoint; there the
# check only confirms the process answers (see deploy/healthcheck.py).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python3", "/opt/dockbot/healthcheck.py"]
ENTRYPOINT ["dockbot"]
CMD ["serve", "--host", "0.0.0.0", "--port", "3000"]
