"""habeas: a sourced case tracker for people who document political imprisonment."""

__version__ = "0.1.0"
