"""Allow ``python -m storyline``."""

from storyline.cli import main

main()
