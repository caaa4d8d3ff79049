"""The Textual app: screens call the services and show their results and errors."""
