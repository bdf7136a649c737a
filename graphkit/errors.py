"""Errors with codes and one-line, actionable messages; exit statuses live here too."""
from __future__ import annotations

__all__ = [
    "GraphkitError",
    "InputError",
    "ModelError",
    "QueryError",
    "UsageError",
    "OutputError",
    "LockedError",
    "EvalInputError",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_FAILURE",
    "EXIT_USAGE",
]

#: every input was used
EXIT_OK = 0
#: the build finished but some input was skipped (each skip was reported)
EXIT_PARTIAL = 3
#: nothing usable, or the command failed
EXIT_FAILURE = 1
#: bad command line (click's own code)
EXIT_USAGE = 2


class GraphkitError(Exception):
    """Base class: ``str(err)`` is one line a user can act on; ``code`` names the kind."""

    code = "GK000"
    exit_code = EXIT_FAILURE

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.message} [{self.code}]"


class InputError(GraphkitError):
    code = "GK100"


class ModelError(GraphkitError):
    code = "GK200"


class QueryError(GraphkitError):
    code = "GK300"


class UsageError(QueryError):
    """A mistyped name or value on the command line or in an API call: exit status 2."""

    code = "GK301"
    exit_code = EXIT_USAGE


class OutputError(GraphkitError):
    code = "GK400"


class LockedError(OutputError):
    code = "GK401"


class EvalInputError(InputError):
    """A gold file or graph that `graphkit eval` cannot score: bad input, exit 2 like the shared scorer."""

    code = "GK110"
    exit_code = EXIT_USAGE
