"""habeas."""
