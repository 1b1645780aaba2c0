"""Little wins: what went right, day by day."""
