"""Helper programs for the store tests: writer processes that are run concurrently or killed."""
