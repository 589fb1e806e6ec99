"""Benchmark and evaluation tooling, outside the build's path: only the command line imports it."""
