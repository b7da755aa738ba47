"""Helpers shared by the tests (and the benchmark): real components, set up once.

``matching``: the matcher helpers. ``slowsock``: a Docker daemon that trickles its answer one
byte at a time. ``fake_daemon``: a scripted daemon (fixed answers per path, or a huge
streamed answer). ``fake_slack``: Slack's Web API and response_url, recorded.
``socket_mode``: Socket Mode's websocket side, which can go away and come back.
``loopback``: redis-server, HAProxy and `dockbot serve` processes on loopback.
``serving``: a real `dockbot serve` process logging to a file, signed ``/docker`` questions,
and a load loop counting failed requests.
"""
