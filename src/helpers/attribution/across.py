"""Roles across the articles of one corpus, at the same time.

An article that says only "Musk wrote on Twitter" gives Musk no role; other articles of the same
corpus, written at about the same time, call him "CEO Elon Musk". A source typed `other` for lack of
evidence in its own article takes the type that other articles of the corpus give the same name
within ``WINDOW_DAYS`` of its date, when most of them agree, with the evidence said so in
``type_evidence`` ("from 3 other articles: 'CEO'") and ``confidence`` medium. A surname alone
("Musk") takes the full name ("Elon Musk") when the corpus has exactly one person of that surname at
that time; a surname with a type of its own ("President Trump") takes the full name too, keeping its
type, when one person of that surname dominates the corpus then. Nothing is fixed in code: Trump is a candidate in 2016 coverage and the president in 2018
coverage because the articles of those years say so.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from ..exports import neutralise, restore

WINDOW_DAYS = 730
NEAREST = 5  # at most this many articles vote: the nearest in time,
CLUSTER_DAYS = 90  # and only those within this many days of the nearest one
AGREEMENT = 0.6  # the share of those articles that must give the same type
DOMINANT = 0.8  # a surname shared by several people goes to one only if it has this share of their articles
FROM_OTHERS = "from other articles"
GIVEN_NAME_TITLES = r"(?:Pope|King|Queen|Prince|Princess|Crown Prince|Emperor|Empress|Sheikh|Saint|St\.|Sister|Brother|Father)\b"


def _evidence_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """Rows whose type rests on role evidence in their own article."""
    keep = (frame["confidence"] == "high") & (frame["source_name"] != "") & \
        ~frame["source_type"].isin(["other", "anonymous", "social_media"]) & \
        ~frame["type_evidence"].str.startswith(FROM_OTHERS) & (frame["type_evidence"] != "")
    return frame.loc[keep, ["article_id", "date", "source_name", "source_type", "type_evidence"]]


def build_roles(frames) -> dict:
    """name -> list of (date, article_id, type, evidence) from every frame of rows (an iterable of DataFrames)."""
    roles: dict[str, list] = defaultdict(list)
    for frame in frames:
        for row in _evidence_rows(_normalised(frame)).itertuples(index=False):
            roles[row.source_name].append((row.date, row.article_id, row.source_type, row.type_evidence))
    return dict(roles)


def _normalised(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in ("source_name", "source_type", "type_evidence", "confidence"):
        frame[column] = frame[column].fillna("").astype(str)
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    return frame


def _surnames(roles: dict) -> dict:
    out: dict[str, set] = defaultdict(set)
    for name in roles:
        words = name.split()
        if len(words) >= 2:
            out[words[-1]].add(name)
            out[words[0]].add(name)  # family name first: "Wang Shouwen" is "Wang"
    return out


def _distance(a, b) -> float:
    """Days between two dates; an undated side counts as far, but not out of reach."""
    if pd.isna(a) or pd.isna(b):
        return float(WINDOW_DAYS)
    return abs((a - b).days)


def apply_roles(frame: pd.DataFrame, roles: dict) -> pd.DataFrame:
    """Type the rows that have no evidence of their own from the roles other articles give the same name."""
    if frame.empty or not roles:
        return frame
    frame = frame.copy()
    dates = pd.to_datetime(frame["date"], errors="coerce")
    surnames = _surnames(roles)
    window = pd.Timedelta(days=WINDOW_DAYS)
    for index in frame.index[(frame["source_type"] == "other") & (frame["confidence"] == "low")
                             & (frame["source_name"].fillna("") != "")]:
        name = frame.at[index, "source_name"]
        article = frame.at[index, "article_id"]
        date = dates.at[index]
        candidates = [name] if name in roles else []
        if not candidates and len(name.split()) == 1:
            candidates = sorted(surnames.get(name, ()))
        near = {}
        for candidate in candidates:
            rows = [r for r in roles[candidate] if r[1] != article and (pd.isna(date) or pd.isna(r[0]) or abs(r[0] - date) <= window)]
            if rows:
                near[candidate] = rows
        if len(near) > 1:
            # "Clinton": Hillary and Bill; "Trump": Donald, Eric and Ivanka. The one the corpus cites far most, if any.
            counts = sorted(((len({r[1] for r in rows}), candidate) for candidate, rows in near.items()), reverse=True)
            if counts[0][0] >= DOMINANT * sum(c for c, _ in counts):
                near = {counts[0][1]: near[counts[0][1]]}
        if len(near) != 1:
            continue  # no other article, or several people of that surname cited alike: left as it is
        full, rows = next(iter(near.items()))
        by_article = {}
        for row in sorted(rows, key=lambda r: _distance(r[0], date)):
            by_article.setdefault(row[1], row)
        ordered = list(by_article.values())
        closest = _distance(ordered[0][0], date)
        nearest = [row for row in ordered if _distance(row[0], date) <= closest + CLUSTER_DAYS][:NEAREST]
        by_article = {row[1]: row for row in nearest}
        votes = Counter(row[2] for row in by_article.values())
        kind, count = votes.most_common(1)[0]
        if count / sum(votes.values()) < AGREEMENT:
            continue
        evidence = Counter(row[3] for row in by_article.values() if row[2] == kind).most_common(1)[0][0]
        frame.at[index, "source_type"] = kind
        frame.at[index, "source_name"] = full
        frame.at[index, "type_evidence"] = f"{FROM_OTHERS} ({count}): '{evidence}'"
        frame.at[index, "confidence"] = "medium"
    frame = _full_names(frame, roles, surnames, dates)
    frame = _without_middle_initials(frame, roles)
    return _presidents_then(_candidates_then(frame, roles, dates), roles, dates)


_MIDDLE_INITIALS = re.compile(r"^([A-Z][\w'’-]+) (?:[A-Z]\. )+([A-Z][\w'’-]+)$")


def _without_middle_initials(frame: pd.DataFrame, roles: dict) -> pd.DataFrame:
    """"Donald J. Trump" is counted with "Donald Trump" when the corpus writes the name that way too."""
    names = frame["source_name"].fillna("")
    known = set(roles) | set(names)
    short = {}
    for name in set(names):
        match = _MIDDLE_INITIALS.match(name)
        if match and f"{match.group(1)} {match.group(2)}" in known:
            short[name] = f"{match.group(1)} {match.group(2)}"
    if short:
        frame["source_name"] = names.map(lambda n: short.get(n, n))
    return frame


# Evidence that someone is running ("Democratic presidential candidate", "campaign: 'his campaign'", "campaign:
# 'the democratic primary'"), not that they back someone who is ("campaign: 'endorsed'", "stumped for").
CANDIDACY_RE = re.compile(r"candidate|nominee|hopeful|front-?runner|contender|challenger|candidacy|\bbid\b|primar|"
                          r"caucus|delegate|nomination|running for|run for|dropp?ed out|suspend|finish|debate|"
                          r"(?:his|her|their|['’]s?|presidential) campaign'", re.IGNORECASE)
# A sitting president stays official: running again, he still speaks from the office ("President Trump" in 2019).
SITTING_PRESIDENT_RE = re.compile(r"^(?!.*\b(?:former|ex-|vice)\b).*\bpresident\b(?!ial)", re.IGNORECASE)
CANDIDATE_DAYS = 120  # other articles this near in time show the person running
CANDIDATE_ARTICLES = 3  # at least this many of them
CANDIDATE_ARTICLES_ALONE = 8  # this many show it even where the person's own article shows no one running


def _candidates_then(frame: pd.DataFrame, roles: dict, dates: pd.Series) -> pd.DataFrame:
    """An officeholder (or a businessman, a professional) in election coverage who is running at the time speaks
    as a candidate: "Sen. Bernie Sanders" in a 2016 primary story is political, as the guidelines say, when at
    least ``CANDIDATE_ARTICLES`` other articles of the corpus within ``CANDIDATE_DAYS`` show him running, and his
    own article is election coverage (some source of it is shown running); or, in an article that shows no one
    running (a live blog of the Iowa caucuses whose sources only speak), when at least
    ``CANDIDATE_ARTICLES_ALONE`` other articles do. The office stays in ``type_evidence``; confidence is at
    most medium."""
    running = defaultdict(list)  # name -> [(date, article, evidence)] of candidacy evidence
    election = set()  # articles in which someone is shown running
    for name, rows in roles.items():
        for date, article, kind, evidence in rows:
            if kind == "political" and CANDIDACY_RE.search(evidence):
                running[name].append((date, article, evidence))
                election.add(article)
    if not running:
        return frame
    window = pd.Timedelta(days=CANDIDATE_DAYS)
    names = frame["source_name"].fillna("")
    evidence = frame["type_evidence"].fillna("")
    # An office, a business or a profession is what a candidate speaks beside ("real estate mogul Donald Trump" in
    # December 2015, "retired neurosurgeon Ben Carson"); a row without evidence was typed by apply_roles already.
    chosen = (frame["source_type"].isin(["official", "company", "expert"]) | (frame["source_type"] == "other") & (evidence != "")) \
        & names.isin(list(running)) \
        & ~evidence.str.startswith(FROM_OTHERS) & ~evidence.str.contains(SITTING_PRESIDENT_RE)
    made = set()  # (article, name) made a candidate
    for index in frame.index[chosen]:
        name, article, date = names.at[index], frame.at[index, "article_id"], dates.at[index]
        near = {r[1]: r[2] for r in running[name] if r[1] != article and pd.notna(date) and pd.notna(r[0])
                and abs(r[0] - date) <= window}
        if len(near) < (CANDIDATE_ARTICLES if article in election else CANDIDATE_ARTICLES_ALONE):
            continue
        shown = Counter(near.values()).most_common(1)[0][0]
        frame.at[index, "source_type"] = "political"
        frame.at[index, "type_evidence"] = "; ".join(
            e for e in [evidence.at[index], f"a candidate then ({FROM_OTHERS} ({len(near)}): '{shown}')"] if e)
        if frame.at[index, "confidence"] == "high":
            frame.at[index, "confidence"] = "medium"
        made.add((article, name))
    # Those who serve a candidate in that article ("Larry Cohen, a senior adviser to Mr. Sanders") take the side too.
    for article, name in made:
        serving = (frame["article_id"] == article) & frame["source_type"].isin(["official", "company"]) \
            & frame["type_evidence"].fillna("").str.contains(f"({name}: ", regex=False)
        for index in frame.index[serving]:
            frame.at[index, "source_type"] = "political"
            frame.at[index, "type_evidence"] = f"{frame.at[index, 'type_evidence']}; {name} a candidate then"
            if frame.at[index, "confidence"] == "high":
                frame.at[index, "confidence"] = "medium"
    return frame


# Campaign words that are no act of a sitting president: his campaign or supporters named, the race that won the office
PAST_OR_NAMED_CAMPAIGN_RE = re.compile(r"^campaign: '(?:campaigned on|[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*)*(?:['’]s?)? "
                                       r"(?:presidential )?(?:campaign|supporters))'")


def _presidents_then(frame: pd.DataFrame, roles: dict, dates: pd.Series) -> pd.DataFrame:
    """A row typed political only because its article names the person's campaign or supporters, or the campaign
    that won him the office ("Trump campaigned on reviving coal", in a 2018 article that never writes "President"),
    is official when at least ``CANDIDATE_ARTICLES`` other articles within ``CANDIDATE_DAYS`` call the person the
    sitting president: he speaks from the office. Confidence is at most medium."""
    chosen = (frame["source_type"] == "political") & frame["type_evidence"].fillna("").str.match(PAST_OR_NAMED_CAMPAIGN_RE)
    if not chosen.any():
        return frame
    window = pd.Timedelta(days=CANDIDATE_DAYS)
    for index in frame.index[chosen]:
        name, article, date = frame.at[index, "source_name"], frame.at[index, "article_id"], dates.at[index]
        near = {r[1] for r in roles.get(name, ()) if r[1] != article and r[2] == "official" and pd.notna(date)
                and pd.notna(r[0]) and abs(r[0] - date) <= window and SITTING_PRESIDENT_RE.search(r[3])}
        if len(near) < CANDIDATE_ARTICLES:
            continue
        frame.at[index, "source_type"] = "official"
        frame.at[index, "type_evidence"] = f"{frame.at[index, 'type_evidence']}; the sitting president then ({FROM_OTHERS} ({len(near)}))"
        if frame.at[index, "confidence"] == "high":
            frame.at[index, "confidence"] = "medium"
    return frame


def _full_names(frame: pd.DataFrame, roles: dict, surnames: dict, dates: pd.Series) -> pd.DataFrame:
    """A surname alone that has a type of its own ("President Trump" in an article that never writes his first
    name) takes the one full name the corpus gives that surname at that time, when that person has
    ``DOMINANT`` of the articles that name someone of that surname: "Trump" and "Donald Trump" are counted
    as one source. The type stays the row's own; ``type_evidence`` says the name came from other articles.
    """
    from .entities import PARTY_GROUPS
    from .lexicons import first_names, roles as role_words

    given = first_names()
    role_words = role_words()
    window = pd.Timedelta(days=WINDOW_DAYS)
    names = frame["source_name"].fillna("")
    # A surname: one capitalised word, not in capitals (NASA) and not a group (Democrats); a full name: a known
    # given name, an optional initial, the surname ("Donald Trump", "Donald J. Trump"), never "Senate Democrats".
    # A party or a plural role ("Democrats", "Officials") is a group; "Sanders" and "Jones" are surnames.
    single = names.str.fullmatch(r"[A-Z][a-z][\w'’-]*\w") & ~names.map(
        lambda n: n in PARTY_GROUPS or n.endswith("s") and n[:-1].lower() in role_words)
    people = {surname: sorted(c for c in candidates if c.split()[-1] == surname and c.split()[0] in given
                              and re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z]\.)? [A-Z][\w'’-]+", c))
              for surname, candidates in surnames.items()}
    # A given name after a title that takes one ("Pope Francis", "King Charles") is no one's surname.
    given_titled = frame["type_evidence"].fillna("").str.match(GIVEN_NAME_TITLES)
    for index in frame.index[single & ~given_titled & names.isin([s for s, c in people.items() if c])]:
        name, article, date = names.at[index], frame.at[index, "article_id"], dates.at[index]
        counts = []
        for candidate in people[name]:
            near = {r[1] for r in roles[candidate] if r[1] != article and (pd.isna(date) or pd.isna(r[0])
                                                                            or abs(r[0] - date) <= window)}
            if near:
                counts.append((len(near), candidate))
        if not counts:
            continue
        counts.sort(reverse=True)
        if counts[0][0] < DOMINANT * sum(c for c, _ in counts):
            continue  # "Clinton": Hillary and Bill, both cited: left as the article wrote it
        frame.at[index, "source_name"] = counts[0][1]
        evidence = frame.at[index, "type_evidence"] or ""
        frame.at[index, "type_evidence"] = "; ".join(e for e in [evidence, f"full name {FROM_OTHERS}"] if e)
    return frame


def apply_to_file(path: str | Path, chunk_rows: int = 200_000) -> int:
    """Apply ``apply_roles`` to an ``attributions.csv`` in place, reading it twice in chunks. Returns rows retyped."""
    path = Path(path)
    read = dict(dtype=str, keep_default_na=False)
    columns = ["article_id", "date", "source_name", "source_type", "type_evidence", "confidence"]
    roles = build_roles(pd.read_csv(path, usecols=columns, chunksize=chunk_rows, **read))
    if not roles:
        return 0
    changed = 0
    temporary = path.with_suffix(".csv.tmp")
    first = True
    for chunk in pd.read_csv(path, chunksize=chunk_rows, **read):
        chunk = restore(chunk)
        updated = apply_roles(chunk, roles)
        changed += int((updated["source_type"] != chunk["source_type"]).sum())
        neutralise(updated).to_csv(temporary, mode="w" if first else "a", header=first, index=False)
        first = False
    if first:
        return 0
    temporary.replace(path)
    return changed
