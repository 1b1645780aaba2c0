"""The blocking checklist: channel by channel, with the safety note first."""
