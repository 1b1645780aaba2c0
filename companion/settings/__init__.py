"""Settings the person chooses: the name the app uses for the one they left."""
