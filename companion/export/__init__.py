"""Taking it with you: exports and a backup read back in, from the palette."""
