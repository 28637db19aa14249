"""Sourcebook: how a news story is told over time, and on whose word.

Modules, one per question:

- ``corpus``: which articles are there, when were they written, which were rejected?
- ``dates``: how is a date read or inferred?
- ``text``: where does each sentence start and end?
- ``sentiment``: what tone does each sentence and article take?
- ``attribution``: on whose word does each claim rest?
- ``analysis``: the tidy tables (articles, sentences, attributions, rejected), computed once.
- ``parameters``: the notebooks' parameters, declared once (their cells, checks, help and README table).
- ``notebook``: what a notebook cell calls: the checked parameters, the view, tables shown and saved.
- ``charts``: the figures the notebooks show; ``views``: the tables they show.
- ``render``: notebooks to offline HTML reports.
- ``cli``: the ``sourcebook`` command.
"""

__version__ = "0.1.0"
