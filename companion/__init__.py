"""A private day-by-day companion for the terminal."""

__version__ = "0.1.0"
