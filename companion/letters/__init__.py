"""Letters the person wrote and did not send."""
