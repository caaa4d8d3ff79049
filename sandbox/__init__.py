"""e-Kinerja Sandbox: an offline twin of the e-Kinerja BKN workflow for practice and rule testing."""

__version__ = "0.1.0"
