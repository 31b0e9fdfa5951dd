"""Pure functions over query results: standings, sub-indicators, targets, narrative, diff."""
