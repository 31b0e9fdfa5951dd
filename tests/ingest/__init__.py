"""Tests of scores/ingest/, a file per module (a package: test names may recur in folders)."""
