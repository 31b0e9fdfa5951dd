"""Bringing data in, in the order it flows: file -> rows (readfile, cells) -> meaning (interpret)
-> checked values (validate) -> a prepared upload (importer). Writes live in scores/store."""
