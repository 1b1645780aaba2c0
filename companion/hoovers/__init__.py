"""When they reached out: logged, never answered, never counted against the person."""
