"""The No Contact day counter, the day it began, and slips."""
