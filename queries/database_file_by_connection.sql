-- One row: the file of the database this connection writes to (NULL in memory).
SELECT path FROM duckdb_databases() WHERE database_name = current_database()
