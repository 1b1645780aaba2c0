"""Riding out an urge: the timer, check-ins, how it ended, and the person's own figures."""
