"""Dates that matter: hard days ahead, and a plan for each."""
