"""``python -m talentfit``: the same command line as ``talentfit``."""

from .cli import main

main(prog_name="talentfit")
