"""Modal dialogs: a note, a confirmation."""
