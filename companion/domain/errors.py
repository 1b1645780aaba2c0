"""Errors the domain raises for values it cannot accept."""


class ValidationError(ValueError):
    """A value that cannot be accepted; ``str(error)`` is a calm sentence for the person."""
