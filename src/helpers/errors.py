"""Errors that Sourcebook reports to people, in one line, without a traceback."""


class SourcebookError(Exception):
    """A problem with the user's input or parameters.

    The message names the file or parameter and the problem, in one line;
    the command line prints it and exits with status 2.
    """
