"""Safe people, helplines and the crisis view."""
