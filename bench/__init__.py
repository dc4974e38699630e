"""Benchmarks of the core issue: lookup, manifest import and finance export at the issue's
sizes, each with its target. Not part of the test run; see ``docs/benchmarks.md``."""
