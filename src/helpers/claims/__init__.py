"""Claims: the checkable facts and forecasts of each sentence (``detect``) and how they travel (``threads``)."""

from .detect import Claim, find

__all__ = ["Claim", "find"]
