"""``python -m bot`` is the same as the ``dockbot`` command."""

from bot.cli import main

raise SystemExit(main())
