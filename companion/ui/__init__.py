"""What every feature shares: the dialog base, the list screen base, fields, text helpers, the
cursor rule, the safety keys and quick hide."""
