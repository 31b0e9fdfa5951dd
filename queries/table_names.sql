-- One row per table of the main schema: its name.
SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'
