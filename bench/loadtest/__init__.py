"""The parts of the load test; bench/load.py is the command (its docstring tells how to run it)."""
