"""Tests of the pure domain: dates, history, milestones and the profile."""
