"""Files shipped with the app: the checked list of helplines."""
