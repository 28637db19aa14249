"""The corpus pass's array helpers (helpers.claims.threads) give what the plain versions they replaced gave."""

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

from helpers.claims import threads


def _same_matrix(ours, theirs):
    ours, theirs = ours.tocsr(), theirs.tocsr()
    assert ours.shape == theirs.shape and ours.dtype == theirs.dtype
    assert ours.indices.dtype == theirs.indices.dtype and ours.indptr.dtype == theirs.indptr.dtype
    assert np.array_equal(ours.indptr, theirs.indptr)
    assert np.array_equal(ours.indices, theirs.indices)  # the same layout, not only the same values
    assert np.array_equal(ours.data, theirs.data)


DOCS = ["zeta alpha alpha #12", "beta  zeta", " alpha gamma ", "", "gamma beta zeta zeta", "%", "delta"]


@pytest.mark.parametrize("max_count", [1, 2, 10])
def test_term_counts_are_the_count_vectorizers_matrix(max_count):
    expected = CountVectorizer(analyzer=str.split, max_df=max_count).fit_transform(DOCS)
    _same_matrix(threads._term_counts(DOCS, max_count), expected)
    expected = CountVectorizer(analyzer=str.split, max_df=max_count, dtype=np.float64).fit_transform(DOCS)
    _same_matrix(threads._term_counts(pd.Series(DOCS), max_count, dtype=np.float64), expected)
    _same_matrix(threads._term_counts(DOCS, max_count, dtype=np.float64, chunk=2), expected)  # terms met chunk by chunk


def test_term_counts_split_other_whitespace_as_str_split_does():
    docs = ["a\tb", "b\u00a0c", "c\x1ca"]
    _same_matrix(threads._term_counts(docs, 10), CountVectorizer(analyzer=str.split, max_df=10).fit_transform(docs))


def test_the_other_whitespace_is_every_character_str_split_splits_on():
    import re

    listed = [int(code, 16) for code in re.findall(r"x\{([0-9a-f]+)\}", threads._OTHER_SPACE)]
    assert listed == [code for code in range(0x110000) if chr(code).isspace() and chr(code) != " "]


def test_term_counts_refuse_what_the_vectorizer_refuses():
    with pytest.raises(ValueError, match="empty vocabulary"):
        threads._term_counts(["", " "], 5)
    with pytest.raises(ValueError, match="no terms remain"):
        threads._term_counts(["a", "a"], 1)


def test_vectors_are_the_tfidf_and_binary_matrices_of_scikit_learn():
    rng = np.random.default_rng(3)
    vocabulary = [f"w{k}" for k in range(40)] + ["#5", "#5.5", "%"]
    words = [" ".join(rng.choice(vocabulary, size=rng.integers(0, 9))) for _ in range(300)]
    names = [" ".join(rng.choice(vocabulary[:15], size=rng.integers(0, 3))) for _ in range(300)]
    similar, named = threads._vectors(words, names)
    _same_matrix(similar, TfidfVectorizer(analyzer=str.split, sublinear_tf=True, norm="l2", max_df=200).fit_transform(words))
    _same_matrix(named, CountVectorizer(analyzer=str.split, binary=True, max_df=200).fit_transform(names))


def _grow_threads_as_before(order, start, near):
    """The loop over sets and member lists that ``_grow_threads`` replaced."""
    thread_of, members = {}, {}
    for claim in order.tolist():
        best, best_score = None, 0.0
        linked = set(near[start[claim]:start[claim + 1]].tolist())
        for thread in sorted({thread_of[other] for other in linked if other in thread_of}):
            group = members[thread]
            shared = sum(1 for other in group if other in linked) / len(group)
            if group[0] in linked or shared >= 0.5:
                if shared > best_score:
                    best, best_score = thread, shared
        if best is None:
            best = claim
            members[best] = []
        thread_of[claim] = best
        members[best].append(claim)
    return np.array([thread_of[k] for k in range(len(start) - 1)])


@pytest.mark.parametrize("seed", range(5))
def test_grow_threads_grows_the_threads_it_grew_before(seed):
    rng = np.random.default_rng(seed)
    n = 400
    i = rng.integers(0, n, size=1500)
    j = (i + rng.integers(1, 12, size=1500)) % n  # mostly near neighbours: threads of several tellings
    i, j = i[i != j], j[i != j]
    start, near = threads._adjacency(np.minimum(i, j), np.maximum(i, j), n)
    order = rng.permutation(n)
    grown = threads._grow_threads(order, start, near)
    assert np.array_equal(grown, _grow_threads_as_before(order, start, near))
    assert len(set(grown.tolist())) < n  # some claims were joined


def test_thread_labels_follow_the_sentence_and_number_in_order_of_first_sighting():
    # claims 0-1 one sentence, 2, 3, 4-5 one sentence; grown threads: {1, 2} (founded by 2) and {3, 5}, 0 and 4 alone
    thread_of = np.array([0, 2, 2, 3, 4, 3])
    sentences = np.array([7, 7, 9, 11, 12, 12])
    order = np.array([3, 4, 5, 0, 1, 2])
    number = threads._thread_labels(thread_of, sentences, order)
    # claim 0 goes with its sentence's thread (claim 1's); 4 with 5's; thread of 3 is seen first: number 1
    assert number.tolist() == [2, 2, 2, 1, 1, 1]
    # claim 1's sentence goes to claim 0's thread: claim 2 is left alone in its own, which is no thread; its
    # number stays taken (numbers are given before, as they were)
    left = threads._thread_labels(np.array([0, 1, 1, 0]), np.array([0, 0, 1, 2]), np.array([0, 1, 2, 3]))
    assert left.tolist() == [1, 1, 0, 1]
    swapped = threads._thread_labels(np.array([0, 1, 1, 0]), np.array([0, 0, 1, 2]), np.array([2, 1, 0, 3]))
    assert swapped.tolist() == [2, 2, 0, 2]


def test_sentence_codes_are_equal_exactly_for_the_claims_of_one_sentence():
    claims = pd.DataFrame({"article_id": ["a", "a", "b", "a", "a#1"], "sentence_id": [1, 1, 1, 2, 1]})
    codes = threads._sentence_codes(claims)
    assert codes[0] == codes[1] and len(set(codes.tolist())) == 4
    text = threads._sentence_codes(claims.astype({"sentence_id": float}))
    assert (pd.Series(text).factorize()[0] == pd.Series(codes).factorize()[0]).all()


def test_memory_release_changes_nothing_and_trims_with_glibc():
    import platform

    from helpers import memory

    kept = np.arange(1000)
    assert memory.release() is (platform.system() == "Linux" and memory._libc() is not None)
    assert np.array_equal(kept, np.arange(1000))
    if platform.system() == "Linux" and platform.libc_ver()[0] == "glibc":
        assert memory._libc() is not None


def test_memory_release_frees_what_only_a_reference_cycle_keeps():
    import gc
    import weakref

    from helpers import memory

    class Node:
        pass

    node = Node()
    node.itself = node  # a cycle: refcounting alone never frees it
    gone = weakref.ref(node)
    was_enabled = gc.isenabled()
    gc.disable()  # so that only release() can collect it
    try:
        del node
        assert gone() is not None
        memory.release()
        assert gone() is None
    finally:
        if was_enabled:
            gc.enable()


def test_summaries_read_slice_by_slice_are_the_summaries_read_at_once(monkeypatch):
    rng = np.random.default_rng(7)
    n = 200
    claims = pd.DataFrame({
        "thread_id": rng.choice(["", "t0001", "t0002", "t0003", "t0004", "t0005"], size=n),
        "date": pd.to_datetime("2024-01-01") + pd.to_timedelta(rng.integers(0, 60, size=n), unit="D"),
        "article_id": [f"a{k % 37:03d}" for k in range(n)], "sentence_id": rng.integers(0, 9, size=n),
        "certainty": rng.choice(["asserted", "hedged", "rumour"], size=n),
        "source_type": rng.choice(["unattributed", "official", "anonymous"], size=n),
        "source_name": rng.choice(["", "Ann Lee", "Bo Li"], size=n), "sentence": [f"sentence {k}" for k in range(n)],
        "claim_id": [f"c{k}" for k in range(n)], "outlet": rng.choice(["", "The Post", "The Times"], size=n),
    })
    claims.loc[5, "date"] = pd.NaT
    whole = threads.summarise(claims)
    assert len(whole) == 5 and whole["n_claims"].sum() == (claims["thread_id"] != "").sum()
    for chunk in (1, 7, 50):
        monkeypatch.setattr(threads, "SUMMARY_CHUNK", chunk)
        pd.testing.assert_frame_equal(threads.summarise(claims), whole)


def test_adjacency_lists_each_claims_neighbours_once_and_sorted():
    i, j = np.array([0, 2, 0, 1, 0]), np.array([3, 3, 1, 3, 3])  # (0, 3) twice
    start, near = threads._adjacency(i, j, 5)
    neighbours = [near[start[k]:start[k + 1]].tolist() for k in range(5)]
    assert neighbours == [[1, 3], [0, 3], [3], [0, 1, 2], []]
    start, near = threads._adjacency(np.zeros(0, dtype=int), np.zeros(0, dtype=int), 3)
    assert start.tolist() == [0, 0, 0, 0] and len(near) == 0


def test_terms_handed_over_apart_give_the_threads_of_terms_in_the_ledger():
    sentences = ["Voltara will cut 1,200 jobs in Monterrey, sources said.", "Voltara is to cut 1,200 jobs in Monterrey.",
                 "Prices of Voltara cars rose 5% in May.", "Sources said Voltara will cut 1,200 jobs in Monterrey soon."]
    pairs = [threads.claim_terms(s, "cut 1,200 jobs") for s in sentences]
    claims = pd.DataFrame({"article_id": ["a1", "a2", "a3", "a4"], "sentence_id": [0, 0, 0, 0], "value": [1200.0] * 4,
                           "date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"]),
                           "terms": [p[0] for p in pairs], "names": [p[1] for p in pairs]})
    inside = threads.assign(claims)
    handed = [claims["terms"], claims["names"]]
    apart = threads.assign(claims.drop(columns=["terms", "names"]), terms=handed)
    assert handed == []  # taken over
    assert apart.tolist() == inside.tolist() and (inside != "").sum() >= 2


@pytest.mark.parametrize("seed", range(4))
def test_term_counts_dropping_common_terms_chunk_by_chunk_is_the_count_vectorizers_matrix(seed):
    # Terms common in the first claims and rare later, and the other way round: a term is dropped as soon as it is
    # in more than max_count claims, whichever chunk that happens in.
    rng = np.random.default_rng(seed)
    early = [" ".join(rng.choice(["car", "price", f"w{k % 7}"], size=3)) for k in range(60)]
    late = [" ".join(rng.choice(["plant", "car", f"v{k % 11}", "#12"], size=4)) for k in range(60)]
    docs = early + late
    for max_count in (3, 20, 45):
        expected = CountVectorizer(analyzer=str.split, max_df=max_count).fit_transform(docs)
        for chunk in (1, 7, 60, 1000):
            _same_matrix(threads._term_counts(docs, max_count, chunk=chunk), expected)


def _adjacency_as_before(i, j, n):
    """Every link both ways as one int64 key, all sorted at once: what ``_adjacency`` did in one go."""
    key = np.unique(np.concatenate([i.astype(np.int64) * n + j, j.astype(np.int64) * n + i]))
    return np.searchsorted(key, np.arange(n + 1, dtype=np.int64) * n), key % n


@pytest.mark.parametrize("claims_at_once", [1, 3, 64, 10_000])
def test_adjacency_built_range_by_range_is_the_adjacency_built_at_once(claims_at_once):
    rng = np.random.default_rng(11)
    n = 300  # claims 250 on have no link: empty ranges at the end
    i = rng.integers(0, 250, size=2000).astype(np.int32)
    j = (i + rng.integers(1, 40, size=2000)).astype(np.int32) % 250
    i, j = np.minimum(i, j), np.maximum(i, j)
    i, j = np.append(i, [5, 5]), np.append(j, [9, 9])  # a link found twice
    start, near = threads._adjacency(i, j, n, claims_at_once=claims_at_once)
    expected_start, expected_near = _adjacency_as_before(i, j, n)
    assert near.dtype == np.int32 and start.tolist() == expected_start.tolist()
    assert near.tolist() == expected_near.tolist()
    single = threads._adjacency(np.array([2], dtype=np.int32), np.array([4], dtype=np.int32), 5, claims_at_once=2)
    assert single[0].tolist() == [0, 0, 0, 1, 1, 2] and single[1].tolist() == [4, 2]


def test_sentences_kept_once_each_read_and_come_back_as_they_were():
    from helpers.claims import ledger

    column = pd.Series(["It rose 5%.", "It fell.", "It rose 5%.", "", "=1+2"] * 3, dtype="str", index=range(10, 25))
    shared = ledger._shared_text(column)
    assert shared.iloc[[0, 1, 3, 4]].tolist() == ["It rose 5%.", "It fell.", "", "=1+2"]
    back = ledger._plain_text(shared, column.dtype)
    pd.testing.assert_series_equal(back, column)
    assert back.array._pa_array.type == column.array._pa_array.type
    with_missing = pd.Series(["a", None, "a"], dtype="str")
    pd.testing.assert_series_equal(ledger._plain_text(ledger._shared_text(with_missing), with_missing.dtype), with_missing)
    python_objects = pd.Series(["a", 1, None], dtype=object)
    assert ledger._shared_text(python_objects) is python_objects


def test_the_article_claims_read_with_arrow_are_the_claims_pandas_read(tmp_path):
    # Text columns as the batches write them: a spreadsheet guard, an empty claim, a line break and quotes inside a
    # sentence, figures that look like numbers, a missing date and value; the other columns typed by pandas as before.
    from helpers import analysis
    from helpers.store import TABLE_FILES, TableWriter, read_csv

    frame = pd.DataFrame({
        "article_id": ["0012", "a2", "a2", "é3"], "date": pd.to_datetime(["2024-01-02", None, "2024-03-04", "2024-05-06"]),
        "sentence_id": [0, 1, 1, 2], "start": [0, 4, 9, 0], "end": [3, 8, 12, 5],
        "claim": ["=1+2", "", "1,200", "5%"], "kind": ["figure", "event", "figure", "figure"],
        "value": [3.0, None, 1200.0, 5.0], "unit": ["", "", "jobs", "%"], "when": ["", "by 2025", "", ""],
        "certainty": ["asserted", "hedged", "asserted", "rumour"],
        "sentence": ["=1+2 was said.", 'He said "no"\nthen left.', "'=x' they wrote, 1,200 jobs.", "Up 5% in May."],
        "terms": ["said", "left", "#1200 job", "%"], "names": ["", "", "#1200", "#5"],
    })
    writer = TableWriter(tmp_path)
    writer.add("claims", frame)
    expected = read_csv(tmp_path / TABLE_FILES["claims"], text=("claim", "sentence", "terms", "names"),
                        na_values={"date": [""], "value": [""]})
    expected["date"] = pd.to_datetime(expected["date"], errors="coerce")
    expected = expected.astype({"sentence_id": "int64", "start": "int64", "end": "int64", "value": "float64"})
    read = analysis._read_article_claims(tmp_path)
    pd.testing.assert_frame_equal(read, expected)
    assert read["sentence"].tolist() == frame["sentence"].tolist() and read["claim"].tolist() == frame["claim"].tolist()
    assert read["article_id"].tolist() == ["0012", "a2", "a2", "é3"]
