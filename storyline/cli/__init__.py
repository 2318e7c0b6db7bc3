"""The ``storyline`` command line: a thin shell over `storyline.library.Library`.

Exit codes: 0 success, 1 some records failed or an error a user can fix, 2 bad usage.
Data goes to stdout, messages and progress to stderr.  Each module registers the
commands of one part of the pipeline on the root group `cli`.
"""

from storyline.cli import _analysis, _archive, _serve, _time
from storyline.cli._common import cli, main

__all__ = ["cli", "main"]

# Imported for their commands.
del _analysis, _archive, _serve, _time
