"""The Slack app: Bolt app factory, listeners per surface, the /docker router, servers."""
