"""`python -m habeas` runs the CLI."""

from habeas.cli.app import main

main()
