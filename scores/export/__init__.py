"""What leaves the app as a file: tables as CSV and XLSX."""
