"""Benchmarking Vietnam's provincial governance indices: storage, import, analysis."""
