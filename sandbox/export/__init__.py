"""Files people take away from the sandbox: documents to print, reports to read."""
