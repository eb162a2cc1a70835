"""Writers: records out as JSON Lines."""
