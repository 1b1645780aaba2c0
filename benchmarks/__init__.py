"""Benchmarks: measured against budgets, never as timed tests."""
