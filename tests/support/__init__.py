"""Helpers shared by the tests and the benchmarks: fake Docker daemons.

``slowsock``: a daemon that trickles its answer one byte at a time.
``fake_daemon``: a scripted daemon (fixed answers per path, or a huge streamed answer).
"""
