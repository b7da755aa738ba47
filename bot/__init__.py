"""dockbot: a Docker command cheat-sheet assistant for teams."""

__version__ = "0.1.0"
