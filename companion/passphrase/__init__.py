"""The passphrase: sealing the data folder, unlocking it, and locking the app."""
