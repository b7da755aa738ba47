"""Helpers shared by the tests (and the benchmark): real components, set up once."""
