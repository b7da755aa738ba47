"""dockbot's benchmark: question sets, baselines and the harness (see README.md)."""
