"""Errors that Sourcebook reports to people, in one line, without a traceback.

Each kind carries the exit status the command line ends with (``cli.main``):

- ``BadInput`` (2): a file or folder that cannot be read as articles, or a damaged analysis folder;
- ``BadParameter`` (2): an option or notebook parameter with a wrong value;
- ``NothingToReport`` (1): the corpus has no article to analyse, so no report is made and the last one stays;
- ``NotebookFailed`` (1): a notebook stopped with an error while rendering.

Raise the most specific kind; ``SourcebookError`` itself counts as bad input.
"""


class SourcebookError(Exception):
    """A problem the user can fix, told in one line that names the file or parameter and the problem."""

    exit_code = 2


class BadInput(SourcebookError):
    """A corpus, gold set, corrections file or analysis folder that cannot be read."""


class BadParameter(SourcebookError):
    """An option or notebook parameter with a value Sourcebook cannot use."""


class NothingToReport(SourcebookError):
    """Every input was rejected (or there was none): there is nothing to analyse or report."""

    exit_code = 1


class NotebookFailed(SourcebookError):
    """A notebook raised while rendering; the report of that run is kept aside, not published."""

    exit_code = 1
