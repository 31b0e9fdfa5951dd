"""The command line's parts (scores/__main__.py runs them): arguments, and the commands on
releases, on documents and on actions."""
