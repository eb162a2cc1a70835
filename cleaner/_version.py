"""The package version, alone in its module: anything may import it without importing cleaner."""

__version__ = "0.1.0"
