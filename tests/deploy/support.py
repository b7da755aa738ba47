"""The deployment tests' helpers now live in :mod:`tests.support.loopback`; re-exported here
for code that still imports them from this module."""

from tests.support.loopback import (  # noqa: F401
    PROXY_CFG,
    ROOT,
    SECRET,
    RedisProcess,
    Replica,
    SlackRecorder,
    free_port,
    post,
    program,
    serve_env,
    signed,
    start_redis,
    start_serve,
    stop,
    unavailable,
    wait_for_port,
)
