"""How does a claim travel? The same claim told in several sentences, grouped into threads, and its drift.

Two claims are linked when their clauses (the part of the sentence the claim is in, ``clause``) are
near-duplicates in content: TF-IDF over stemmed content words and figures (scikit-learn's ``TfidfVectorizer``; NLTK's Porter stemmer, which needs no download),
cosine similarity at or above ``similarity`` (default 0.3), and they must name something in common (a
capitalised name inside the sentence, or a figure: "Voltara", "Monterrey", "1,200"), and two figures
more than 15% apart are never linked (11% is not 18%). Claims of one sentence are never linked to
each other by that sentence alone. Threads grow in order of first telling: a claim joins a thread when it
is linked to the thread's first telling or to at least half of its tellings, so a claim retold with new
words can join through the retellings in between without the thread drifting from one claim to a whole
topic. Only claims dated within ``window_days`` of each
other are compared (an undated claim is compared with every claim), which keeps the work linear in the
corpus for a steady news flow.

A thread's **drift**: its first telling (earliest date, then article and sentence order) was hedged or
rumour and a later one is asserted (*lost its hedge*), or the first rested on a source and a later one
on none (*lost its source*). A claim first hedged and anonymous, later asserted and unattributed, is
the pattern a reporter is looking for.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..memory import release as release_memory

SIMILARITY = 0.3
WINDOW_DAYS = 120

THREAD_COLUMNS = ["thread_id", "n_claims", "articles", "outlets", "first_date", "first_outlet", "first_article_id",
                  "first_source_type", "first_source_name", "first_certainty", "first_claim", "last_date",
                  "certainties", "drift", "drift_claim_ids", "claim_ids"]

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]+|\d[\d,.]*|%")


@lru_cache(maxsize=1)
def _stemmer():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    # Days and months say when a claim was told, not what it is about.
    calendar = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
                "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
                "yesterday", "week", "weekend", "month"}
    return frozenset(ENGLISH_STOP_WORDS) | calendar | {"said", "says", "according", "reported", "reportedly", "told",
                                                       "year", "percent", "also", "just", "like", "will", "would"}


@lru_cache(maxsize=1)
def _synonyms() -> dict:
    path = Path(__file__).parent / "data" / "synonyms.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return {word: term for word, term in rows}


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


def content_terms(text: str) -> list[str]:
    """The words two tellings of a claim share: stems of content words (synonyms as one term,
    ``data/synonyms.tsv``), and figures without their commas."""
    stem, stop, same = _stem, _stop_words(), _synonyms()
    out = []
    for word in _WORD_RE.findall(text.replace("-", " ")):
        if word[0].isdigit():
            number = word.rstrip(".,").replace(",", "")
            if number and not re.fullmatch(r"(?:19|20)\d\d", number):
                out.append("#" + number)
            continue
        lowered = word.lower().replace("’", "'").split("'")[0]
        lowered = same.get(lowered, lowered)
        if lowered == "%" or (len(lowered) > 2 and lowered not in stop):
            out.append(stem(lowered) if lowered != "%" else "%")
    return out


_NAME_RE = re.compile(r"(?<=[\w,;:'’\")] )[A-Z][\w'’-]+|\d[\d,.]*\d|\d")


def anchors(text: str) -> list[str]:
    """What a claim is about, by name or number: capitalised words inside the sentence (not its first
    word) and figures. Two tellings of one claim name the same company, place or figure."""
    stem = _stem
    out = []
    for word in _NAME_RE.findall(text):
        if word[0].isdigit():
            number = word.replace(",", "")
            if not re.fullmatch(r"(?:19|20)\d\d", number):
                out.append("#" + number)
        else:
            lowered = word.lower().split("'")[0].split("’")[0]
            if lowered not in _stop_words():
                out.append(stem(lowered))
    return out


_CLAUSE_START_RE = re.compile(r"\bthat\s+|;\s*|:\s*|\bwhile\s+|\bbut\s+|\bwhereas\s+", re.IGNORECASE)


def clause(sentence: str, claim: str) -> str:
    """The part of the sentence a claim is in: from the start of its clause ("… sources said that | Tesla
    will ship …") to the end of the sentence. Two tellings share the claim, not the framing around it."""
    at = sentence.find(claim) if claim else -1
    if at < 0:
        return sentence
    starts = [m.end() for m in _CLAUSE_START_RE.finditer(sentence[:at])]
    return sentence[starts[-1] if starts else 0:]


def claim_terms(sentence: str, claim: str) -> tuple[str, str]:
    """The words (``content_terms``) and the names and figures (``anchors``) of the clause a claim is in, each
    joined by spaces. Computed once per article, where the results are cached, and kept with the claim until
    the corpus pass, which then only counts them."""
    text = clause(sentence, claim)
    return " ".join(content_terms(text)), " ".join(anchors(text))


# Every character ``str.split()`` splits on besides the space (``str.isspace``), as an RE2 class: a string with one
# of them is counted by ``str.split`` itself (``_term_counts``).
_OTHER_SPACE = "[" + "".join(f"\\x{{{code:x}}}" for code in (*range(0x09, 0x0e), *range(0x1c, 0x20), 0x85, 0xa0, 0x1680,
                                                             *range(0x2000, 0x200b), 0x2028, 0x2029, 0x202f, 0x205f,
                                                             0x3000)) + "]"


def _as_arrow(strings):
    """``strings`` (a list or a pandas column) as pyarrow strings, missing values as "": the column's own Arrow
    data when it has some (no copy of 1.6 million claims' terms), chunked as it is."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(strings, list):
        array = pa.array(strings, type=pa.large_string(), from_pandas=True)
    else:  # a pandas column: its own Arrow data when it has some (an Array or a ChunkedArray), else converted
        array = pa.array(getattr(strings, "array", strings), from_pandas=True)
    if not pa.types.is_large_string(array.type):
        array = array.cast(pa.large_string())
    return pc.fill_null(array, "") if array.null_count else array


TERM_CHUNK = 100_000  # claims counted at a time by ``_term_counts``: a chunk's terms take some tens of MB


def _term_counts(docs, max_count: int, dtype=np.int64, chunk: int = TERM_CHUNK):
    """The matrix of ``CountVectorizer(analyzer=str.split, max_df=max_count, dtype=dtype).fit_transform(docs)``,
    the same to the bit and in the same layout (rows' entries in order of the terms' first appearance in the
    corpus, columns in alphabetical order of the terms): counted with arrays instead of a Python loop over
    every term of every claim, ``chunk`` claims at a time, so only the counts are ever held, not every term.
    The products of ``_collect`` add in that layout's order, so it is kept."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import scipy.sparse as sp

    array = _as_arrow(docs)
    n = len(array)
    if n and pc.any(pc.match_substring_regex(array, _OTHER_SPACE)).as_py():
        from sklearn.feature_extraction.text import CountVectorizer

        return CountVectorizer(analyzer=str.split, max_df=max_count, dtype=dtype).fit_transform(
            array.to_pylist()).tocsr()
    vocabulary = pa.array([], type=pa.large_string())  # every term so far, in order of first appearance
    rows, codes, counts = [], [], []
    # How many claims have each term so far. A term already in more than ``max_count`` claims is dropped in the end
    # anyway, so its entries are dropped as soon as it gets there instead of being kept to the end: in a corpus of
    # 1.6 million claims most entries are of such terms ("car", "price"), and keeping them took hundreds of MB.
    claims_with = np.zeros(0, dtype=np.int64)
    any_terms = False
    for offset in range(0, n, chunk):
        part = array.slice(offset, chunk)
        split = pc.split_pattern(part.combine_chunks() if isinstance(part, pa.ChunkedArray) else part, " ")
        del part
        row = np.repeat(np.arange(offset, offset + len(split), dtype=np.int64),
                        pc.list_value_length(split).to_numpy(zero_copy_only=False))
        encoded = pc.dictionary_encode(split.flatten())  # codes in order of first appearance in the chunk
        del split
        local = encoded.dictionary
        known = pc.index_in(local, value_set=vocabulary).to_numpy(zero_copy_only=False)
        new = np.isnan(known)
        code_of = np.where(new, 0, known).astype(np.int64)
        code_of[new] = len(vocabulary) + np.arange(int(new.sum()))  # new terms after the known, in their order
        vocabulary = pa.concat_arrays([vocabulary, local.filter(pa.array(new))])
        code_of[(pc.binary_length(local).to_numpy(zero_copy_only=False) == 0)] = -1  # "a  b" splits to an empty
        code = code_of[encoded.indices.to_numpy(zero_copy_only=False)]  # string; str.split does not
        del encoded
        present = code >= 0
        key = row[present] * (1 << 32) + code[present]  # each (claim, term), by claim then first appearance
        del row, code, present
        key.sort()
        first = np.ones(len(key), dtype=bool)
        first[1:] = key[1:] != key[:-1]
        starts = np.flatnonzero(first)
        count = np.diff(np.append(starts, len(key))).astype(np.int32)
        row = (key[starts] >> 32).astype(np.int32 if n < 2**31 else np.int64)
        code = (key[starts] & 0xFFFFFFFF).astype(np.int32)
        del key, first, starts
        any_terms = any_terms or len(code) > 0
        claims_with = _add_claims_with(claims_with, code, len(vocabulary))
        rare = claims_with[code] <= max_count
        rows.append(row[rare])
        codes.append(code[rare])
        counts.append(count[rare])
        del row, code, count, rare
    size = len(vocabulary)
    if not size or not any_terms:
        raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
    frequent = (claims_with > max_count) | (claims_with == 0)  # in more claims than max_count: dropped (and "")
    kept = np.flatnonzero(~frequent)
    if not len(kept):
        raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
    column = np.full(size, -1, dtype=np.int32 if size < np.iinfo(np.int32).max else np.int64)
    column[kept[np.argsort(np.asarray(vocabulary.take(pa.array(kept)).to_pylist(), dtype=object), kind="stable")]] = (
        np.arange(len(kept)))
    for k in range(len(codes)):  # chunk by chunk, so the counts are never held twice
        keep = ~frequent[codes[k]]
        rows[k], codes[k], counts[k] = rows[k][keep], column[codes[k][keep]], counts[k][keep]
    row, column, count = (np.concatenate(parts) for parts in (rows, codes, counts))
    del rows, codes, counts
    index = np.int32 if max(len(row), len(kept)) < np.iinfo(np.int32).max else np.int64
    indptr = np.zeros(n + 1, dtype=index)
    np.cumsum(np.bincount(row, minlength=n), out=indptr[1:])
    del row
    return sp.csr_matrix((count.astype(dtype), column.astype(index, copy=False), indptr), shape=(n, len(kept)))


def _add_claims_with(claims_with: np.ndarray, code: np.ndarray, size: int) -> np.ndarray:
    """``claims_with`` (claims per term code) grown to ``size`` terms and counting the claims of one chunk, whose
    (claim, term) pairs ``code`` lists once each."""
    grown = np.zeros(size, dtype=np.int64)
    grown[:len(claims_with)] = claims_with
    grown += np.bincount(code, minlength=size)
    return grown


def _vectors(words, names):
    """TF-IDF of the claims' words and presence of their names, from ``claim_terms``' strings: the matrices of
    ``TfidfVectorizer(analyzer=str.split, sublinear_tf=True, norm="l2", max_df=common)`` and of
    ``CountVectorizer(analyzer=str.split, binary=True, max_df=common)``, counted by ``_term_counts``."""
    from sklearn.feature_extraction.text import TfidfTransformer

    # Words in very many claims ("emissions" in a climate corpus) cannot tell two claims apart: dropped,
    # which also keeps the products below sparse at scale.
    common = max(COMMON_TERM_CLAIMS, int(COMMON_TERM_SHARE * len(words)))
    counts = _term_counts(words, common, dtype=np.float64)
    similar = TfidfTransformer(norm="l2", use_idf=True, smooth_idf=True, sublinear_tf=True).fit(counts)
    similar = similar.transform(counts, copy=False)
    named = _term_counts(names, common)
    named.data.fill(1)
    return similar.tocsr(), named.tocsr()


FIGURE_TOLERANCE = 0.15  # two figures further apart than this (relative) are different claims: 11% is not 18%
NEIGHBOURS = 10  # each claim keeps its most similar links only: a claim is retold a few times, not thousands
COMMON_TERM_SHARE = 0.01  # a term in more than this share of the claims (and more than COMMON_TERM_CLAIMS) is ignored
COMMON_TERM_CLAIMS = 200


def _edges(matrices, days: np.ndarray, sentence_keys: np.ndarray, similarity: float, window_days: int,
           values: np.ndarray | None = None):
    """Pairs (i, j) of linked claims, i < j, compared block by block in date order.

    ``matrices`` (``_vectors``) are taken over: their rows are put in date order once, so each block and its
    window are slices (the same rows as picking them out claim by claim, without copying them out every block)."""
    order = np.argsort(np.where(np.isnan(days), np.inf, days), kind="stable")
    rows, cols = [], []
    n = matrices[0].shape[0]
    n_dated = int((~np.isnan(days)).sum())  # the dated claims come first in ``order``, the undated last
    dated, undated = order[:n_dated], order[n_dated:]
    dated_days = days[dated]
    by_date = tuple(m[order] for m in matrices)
    everyone = tuple(matrices) if len(undated) else None
    matrices = None  # the caller's are released: only the date-ordered copies are kept
    block = 1000
    for start in range(0, len(dated), block):
        part = dated[start:start + block]
        low, high = dated_days[start:start + block].min() - window_days, dated_days[start:start + block].max() + window_days
        lo, hi = np.searchsorted(dated_days, low, side="left"), np.searchsorted(dated_days, high, side="right")
        candidates = dated[lo:hi]
        _collect(tuple(m[start:start + len(part)] for m in by_date), tuple(m[lo:hi] for m in by_date), part, candidates,
                 days, sentence_keys, similarity, window_days, rows, cols, values)
    if everyone is not None:
        all_claims = np.arange(n)
        for start in range(n_dated, n, block):
            part = order[start:start + block]
            _collect(tuple(m[start:start + len(part)] for m in by_date), everyone, part, all_claims, days,
                     sentence_keys, similarity, None, rows, cols, values)
    if not rows:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    i = np.concatenate(rows)
    del rows
    return i, np.concatenate(cols)


def _collect(part_rows, candidate_rows, part, candidates, days, sentence_keys, similarity, window_days, rows, cols,
             values=None):
    """The links of the claims ``part`` (their rows of the two matrices: ``part_rows``) to ``candidates``."""
    (matrix, named), (other, other_named) = part_rows, candidate_rows
    scores = matrix @ other.T
    scores = scores.multiply((named @ other_named.T) > 0).tocoo()  # and they name something in common
    keep = scores.data >= similarity
    i, j = part[scores.row[keep]], candidates[scores.col[keep]]
    distinct = (i < j) & (sentence_keys[i] != sentence_keys[j])
    if window_days is not None:
        distinct &= np.abs(days[i] - days[j]) <= window_days
    if values is not None:
        a, b = values[i], values[j]
        with np.errstate(invalid="ignore", divide="ignore"):
            apart = np.abs(a - b) / np.maximum(np.abs(a), np.abs(b)) > FIGURE_TOLERANCE
        distinct &= ~(apart & ~np.isnan(a) & ~np.isnan(b))
    i, j, score = i[distinct], j[distinct], scores.data[keep][distinct]
    if len(i) > NEIGHBOURS:
        # The NEIGHBOURS best links of each claim of the block (the product is symmetric, so the other side of
        # a link keeps it too when it is among its own best).
        order = np.lexsort((-score, i))
        rank = np.arange(len(order)) - np.searchsorted(i[order], i[order], side="left")
        best = order[rank < NEIGHBOURS]
        i, j = i[best], j[best]
    # arrays, joined once at the end: lists of Python ints took four times the memory; int32 where claims fit
    index = np.int32 if len(days) < np.iinfo(np.int32).max else np.int64
    rows.append(i.astype(index))
    cols.append(j.astype(index))


ADJACENCY_CLAIMS = 100_000  # claims whose neighbours ``_adjacency`` sorts at a time: some tens of MB of keys


def _adjacency(i: np.ndarray, j: np.ndarray, n: int, claims_at_once: int = ADJACENCY_CLAIMS
               ) -> tuple[np.ndarray, np.ndarray]:
    """The links as a compressed adjacency list: the neighbours of claim k are ``near[start[k]:start[k + 1]]``,
    sorted. Arrays, not a dict of sets: at 1.6 million claims the sets took more memory than the rest of the pass.

    Built ``claims_at_once`` claims at a time into one int32 array: sorting every link both ways at once as int64
    keys took three times the memory of the links themselves, at the peak of the whole run."""
    index = np.int32 if n < np.iinfo(np.int32).max else np.int64
    near = np.empty(2 * len(i), dtype=index)  # each link both ways; fewer if a link was found twice
    degree = np.zeros(n, dtype=np.int64)
    filled = 0
    for low in range(0, n, claims_at_once):
        high = min(low + claims_at_once, n)
        neighbours, counts = _neighbours_of_range(i, j, low, high, n)
        near[filled:filled + len(neighbours)] = neighbours
        degree[low:high] = counts
        filled += len(neighbours)
    start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(degree, out=start[1:])
    return start, (near if filled == len(near) else near[:filled].copy())


def _neighbours_of_range(i: np.ndarray, j: np.ndarray, low: int, high: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The neighbours of the claims ``low:high``, sorted by claim then neighbour and without repeats, and how many
    each claim has."""
    key = np.concatenate([_range_keys(i, j, low, high, n), _range_keys(j, i, low, high, n)])
    key.sort()
    if len(key) > 1 and (key[1:] == key[:-1]).any():  # a link found twice (none is, as the blocks are cut)
        key = key[np.concatenate([[True], key[1:] != key[:-1]])]
    return key % n, np.bincount(key // n, minlength=high - low)


def _range_keys(a: np.ndarray, b: np.ndarray, low: int, high: int, n: int) -> np.ndarray:
    """The links a -> b from the claims ``low:high``, each as one number ``(a - low) * n + b``."""
    inside = (a >= low) & (a < high)
    key = a[inside].astype(np.int64)
    key -= low
    key *= n
    key += b[inside]
    return key


def _grow_threads(order: np.ndarray, start: np.ndarray, near: np.ndarray) -> np.ndarray:
    """Threads grown in order of first telling: a claim joins the thread of an earlier claim it is linked to
    when it is also linked to that thread's first telling or to at least half of the thread, so a thread
    stays about one claim instead of chaining from topic to topic ("Paris agreement", "Trump", "emissions").
    Of threads alike in that, the one it shares most with wins, then the earliest grown.

    Returns the thread of each claim, named by its first telling (a claim on its own is its own thread). A thread
    is kept as its first telling and its size: the tellings it shares with a claim are the claim's links counted
    by thread."""
    n = len(start) - 1
    thread_of = [-1] * n
    size = [0] * n
    bounds = start.tolist()  # ``near`` stays an array: as a list of Python ints it took most of the pass's memory
    for claim in order.tolist():
        best = claim
        low, high = bounds[claim], bounds[claim + 1]
        if low < high:
            linked = near[low:high].tolist()
            shared: dict[int, int] = {}
            for other in linked:
                thread = thread_of[other]
                if thread >= 0:
                    shared[thread] = shared.get(thread, 0) + 1
            if shared:
                best_score = 0.0
                founders = set(linked) if len(linked) > 8 else linked
                for thread in sorted(shared):
                    score = shared[thread] / size[thread]
                    if (score >= 0.5 or thread in founders) and score > best_score:
                        best, best_score = thread, score
        thread_of[claim] = best
        size[best] += 1
    return np.array(thread_of, dtype=np.int64)


def _sentence_codes(claims: pd.DataFrame) -> np.ndarray:
    """One integer per sentence (article and sentence id) of ``claims``: equal for the claims of one sentence."""
    article = pd.factorize(claims["article_id"].astype(str))[0].astype(np.int64)
    sentence = claims["sentence_id"]
    if pd.api.types.is_integer_dtype(sentence.dtype):
        sentence = sentence.to_numpy(dtype=np.int64)
        sentence = sentence - sentence.min() if len(sentence) else sentence
    else:  # as text, as the ids were compared before
        sentence = pd.factorize(sentence.astype(str))[0].astype(np.int64)
    return article * (int(sentence.max()) + 1 if len(sentence) else 1) + sentence


def _thread_labels(thread_of: np.ndarray, sentences: np.ndarray, order: np.ndarray) -> np.ndarray:
    """The thread number (1, 2, ... in order of first sighting along ``order``) of each claim, 0 for none, from
    the threads ``_grow_threads`` grew: a sentence's claims go to the thread of its first claim that has one of
    two or more tellings, and a thread left with one telling is none."""
    n = len(thread_of)
    sizes = np.bincount(thread_of, minlength=n)
    label = np.where(sizes[thread_of] >= 2, thread_of, -1)
    threaded = np.flatnonzero(label >= 0)
    found, first = np.unique(sentences[threaded], return_index=True)  # the first threaded claim of each sentence
    sentence_label = np.full(int(sentences.max()) + 1 if n else 0, -1, dtype=np.int64)
    sentence_label[found] = label[threaded[first]]
    label = sentence_label[sentences]
    # Numbered in order of first sighting, so ids read the same on every run.
    seen = label[order]
    seen = seen[seen >= 0]
    threads, first_seen = np.unique(seen, return_index=True)
    number = np.zeros(n, dtype=np.int64)
    number[threads[np.argsort(first_seen)]] = np.arange(1, len(threads) + 1)
    out = np.where(label >= 0, number[np.maximum(label, 0)], 0)
    counts = np.bincount(out, minlength=len(threads) + 1)
    counts[0] = 0
    return np.where(counts[out] >= 2, out, 0)  # a thread needs two tellings


def assign(claims: pd.DataFrame, similarity: float = SIMILARITY, window_days: int = WINDOW_DAYS,
           terms: list | None = None) -> pd.Series:
    """The thread of each claim ("t0001", ...), or "" for a claim no other claim retells.

    Claims of one sentence share its thread: a thread is a set of tellings, and a sentence that retells
    "$5,500 a ton, $49 a gallon" retells both figures.

    ``terms``: a list ``[terms, names]`` of the claims' ``terms`` and ``names`` columns handed over apart from
    ``claims`` (and emptied here), so that they are freed once counted (``ledger.finish``)."""
    out = pd.Series("", index=claims.index, dtype=object)
    handed = terms is not None
    if handed:
        words, names = terms.pop(0), terms.pop(0)
    if len(claims) < 2:
        return out
    if handed:
        pass
    elif "terms" in claims and "names" in claims:  # computed with each article (rows_for_article)
        words, names = claims["terms"], claims["names"]
    else:  # a ledger read back from claims.csv, re-threaded in a notebook
        pairs = [claim_terms(sentence, claim) for sentence, claim in
                 zip(claims["sentence"].fillna(""), claims["claim"].fillna(""))]
        words, names = [p[0] for p in pairs], [p[1] for p in pairs]
        del pairs
    days = (pd.to_datetime(claims["date"]) - pd.Timestamp("1970-01-01")).dt.days.to_numpy(dtype=float)
    sentences = _sentence_codes(claims)
    values = pd.to_numeric(claims["value"], errors="coerce").to_numpy(dtype=float) if "value" in claims else None
    matrices = [_vectors(words, names)]
    del words, names
    i, j = _edges(matrices.pop(), days, sentences, similarity, window_days, values)  # _edges holds them alone
    if not len(i):
        return out
    release_memory()  # what the blocks' products left in the heap, before the adjacency is built beside the links
    start, near = _adjacency(i, j, len(claims))
    del i, j
    release_memory()  # the blocks' products and the links, freed
    positions = claims[["date", "article_id", "sentence_id"]].reset_index(drop=True).assign(_pos=np.arange(len(claims)))
    order = positions.sort_values(["date", "article_id", "sentence_id"], na_position="last", kind="stable")["_pos"].to_numpy()
    del positions
    number = _thread_labels(_grow_threads(order, start, near), sentences, order)
    del start, near
    threaded = np.flatnonzero(number)
    names = np.array([""] + [f"t{k:04d}" for k in range(1, int(number.max()) + 1)], dtype=object)
    out.iloc[threaded] = names[number[threaded]]
    return out


def summarise(claims: pd.DataFrame) -> pd.DataFrame:
    """One row per thread: first sighting, reach, the certainties it was told with, and its drift.

    Read in one pass over plain lists (a corpus of 100,000 articles has over a hundred thousand threads: pandas
    per thread took minutes)."""
    sort = ["thread_id", "date", "article_id", "sentence_id"]
    threaded = np.flatnonzero((claims["thread_id"] != "").to_numpy())
    if not len(threaded):
        return pd.DataFrame(columns=THREAD_COLUMNS)
    # The order of the threaded claims, sorted by their keys alone; each column is then read in that order
    # (copying every column of the threaded claims to sort them took more memory than the rest of the pass).
    keys = claims[sort].iloc[threaded].reset_index(drop=True)
    ordered = threaded[keys.sort_values(sort, na_position="last", kind="stable").index.to_numpy()]
    del keys, threaded
    # Read a slice of whole threads at a time: lists of every threaded claim's fields took hundreds of MB.
    thread_ids = claims["thread_id"].to_numpy()[ordered]
    firsts = np.flatnonzero(np.concatenate([[True], thread_ids[1:] != thread_ids[:-1]]))
    del thread_ids
    cuts = sorted({0, len(ordered), *firsts[np.searchsorted(firsts, np.arange(SUMMARY_CHUNK, len(ordered), SUMMARY_CHUNK))
                                            .clip(max=len(firsts) - 1)].tolist()})
    rows = []  # tuples in the order of THREAD_COLUMNS: a dict per thread took three times the memory
    for low, high in zip(cuts[:-1], cuts[1:]):
        rows.extend(tuple(row[name] for name in THREAD_COLUMNS) for row in _thread_rows(claims, ordered[low:high]))
    frame = pd.DataFrame(rows, columns=THREAD_COLUMNS)
    del rows
    return frame.sort_values(["articles", "n_claims", "thread_id"], ascending=[False, False, True]).reset_index(drop=True)


SUMMARY_CHUNK = 200_000  # threaded claims summarised at a time (whole threads)


def _thread_rows(claims: pd.DataFrame, ordered: np.ndarray) -> list[dict]:
    """The summary rows of the claims at positions ``ordered`` of ``claims``: whole threads, in order of telling."""
    column = {name: claims[name].iloc[ordered].tolist() for name in ("thread_id", "date", "article_id", "certainty",
                                                                     "source_type", "claim_id")}
    # Read only at a thread's first telling: kept for those.
    ids = column["thread_id"]
    firsts = [k for k in range(len(ids)) if k == 0 or ids[k] != ids[k - 1]]
    for name in ("source_name", "sentence"):
        column[name] = dict(zip(firsts, claims[name].iloc[ordered[firsts]].tolist()))
    column["outlet"] = [o if isinstance(o, str) and o else "outlet unknown"
                        for o in claims["outlet"].iloc[ordered].tolist()]
    rows, start = [], 0
    for end in range(1, len(ids) + 1):
        if end < len(ids) and ids[end] == ids[start]:
            continue
        rows.append(_thread_row(column, start, end))
        start = end
    return rows


def _thread_row(column: dict, start: int, end: int) -> dict:
    """The summary of the claims ``start:end`` of ``column`` (one thread, in order of telling)."""
    span = range(start, end)
    first = start
    certainty, source_type, claim_id = column["certainty"], column["source_type"], column["claim_id"]
    hedged_first = certainty[first] in ("hedged", "rumour")
    sourced_first = source_type[first] != "unattributed"
    lost_hedge = [k for k in span[1:] if certainty[k] == "asserted"] if hedged_first else []
    lost_source = [k for k in span[1:] if source_type[k] == "unattributed"] if sourced_first else []
    drift = [label for label, found in (("lost its hedge", lost_hedge), ("lost its source", lost_source)) if found]
    drifted = list(dict.fromkeys(claim_id[k] for k in lost_hedge + lost_source))
    counts: dict[str, int] = {}
    for k in span:
        counts[certainty[k]] = counts.get(certainty[k], 0) + 1
    dates = [column["date"][k] for k in span if not pd.isna(column["date"][k])]
    return {
        "thread_id": column["thread_id"][first], "n_claims": end - start,
        "articles": len({column["article_id"][k] for k in span}),
        "outlets": len({column["outlet"][k] for k in span}), "first_date": column["date"][first],
        "first_outlet": column["outlet"][first], "first_article_id": column["article_id"][first],
        "first_source_type": source_type[first], "first_source_name": column["source_name"][first],
        "first_certainty": certainty[first], "first_claim": column["sentence"][first],
        "last_date": max(dates) if dates else pd.NaT,
        # most told first, ties in order of first telling (as value_counts orders them)
        "certainties": "; ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])),
        "drift": " and ".join(drift), "drift_claim_ids": "; ".join(drifted),
        "claim_ids": "; ".join(claim_id[k] for k in span),
    }
