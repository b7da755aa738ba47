"""One module per Slack surface; each has ``register(app)`` wiring Slack IDs to handlers."""
