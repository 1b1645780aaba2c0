"""The parts a summary to share can have (kept apart from ``summary``, which reads every
kind of record, so the command line can name them without loading those)."""

SECTIONS = {
    "days": "No Contact days",
    "slips": "Slips, in my own words",
    "urges": "Riding out urges",
    "reasons": "Reasons I left",
    "wins": "Little wins",
    "modes": "Contact modes",
}
"""The sections anyone may be shown, in order."""
PRIVATE = {
    "felt": "How each contact made me feel",
    "letters": "Letters I did not send",
}
"""Sections left out unless asked for by name."""
