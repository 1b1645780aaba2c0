"""Contact modes (No Contact, low, unavoidable) and necessary contact."""
