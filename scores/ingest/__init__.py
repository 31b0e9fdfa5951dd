"""Bringing data in, in the order it flows: file -> rows (readfile, cells) -> meaning (interpret)
-> checked values (validate) -> stored release (store, importer); seed builds the database."""
