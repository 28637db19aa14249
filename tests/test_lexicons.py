"""The sourcing lexicons are data: each file loads clean, and a word added to one changes the analysis."""

import json
import os
import shutil
import subprocess
import sys

import pytest

from helpers.attribution import entities, extractor
from helpers.attribution import lexicons as lex
from helpers.attribution.records import SOURCE_TYPES

from .conftest import ROOT

# The word lists that moved out of the code, with the module name each is still bound to.
WORD_LISTS = {
    "description_types.tsv": (entities, "UNNAMED_TYPES", lex.description_types),
    "singular_heads.tsv": (extractor, "SINGULAR_HEADS", lex.singular_heads),
    "outlet_descriptions.txt": (entities, "OUTLET_DESCRIPTIONS", lex.outlet_descriptions),
    "organisation_descriptions.txt": (entities, "ORGANISATION_DESCRIPTIONS", lex.organisation_descriptions),
    "person_descriptions.txt": (entities, "PERSON_DESCRIPTIONS", lex.person_descriptions),
    "descriptions_without_role.txt": (entities, "DESCRIPTION_NO_ROLE", lex.descriptions_without_role),
    "data_words.txt": (entities, "DATA_WORDS", lex.data_words),
    "role_modifiers.txt": (entities, "ROLE_MODIFIERS", lex.role_modifiers),
    "anonymous_heads.txt": (extractor, "ANONYMOUS_HEADS", lex.anonymous_heads),
    "party_groups.txt": (entities, "PARTY_GROUPS", lex.party_groups),
    "party_words.txt": (entities, "PARTY_WORDS", lex.party_words),
    "facility_words.txt": (entities, "FACILITY_WORDS", lex.facility_words),
    "body_heads.txt": (extractor, "BODY_HEADS", lex.body_heads),
}


@pytest.mark.parametrize("file", sorted(WORD_LISTS))
def test_each_word_list_loads_with_a_header_no_duplicates_and_no_stray_whitespace(file):
    module, name, reader = WORD_LISTS[file]
    text = (lex.DATA / file).read_text(encoding="utf-8")
    assert text.startswith("# "), f"{file} has no header saying what its words are for"
    entries = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    columns = 2 if file.endswith(".tsv") else 1
    keys = []
    for line in entries:
        fields = line.split("\t")
        assert len(fields) == columns, f"{file}: {line!r} has {len(fields)} columns, not {columns}"
        assert all(f and f == f.strip() and "  " not in f for f in fields), f"{file}: stray whitespace in {line!r}"
        keys.append(fields[0])
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicates, f"{file} lists {duplicates} more than once"
    loaded = reader()
    assert len(loaded) == len(keys) > 0
    assert getattr(module, name) == loaded  # the name other modules import is the file's words


def test_the_values_of_the_typed_lists_are_what_their_readers_expect():
    assert set(lex.description_types().values()) <= set(SOURCE_TYPES)
    assert set(lex.singular_heads().values()) <= set(lex.description_types())


def test_every_data_file_is_one_the_cache_key_reads():
    # cache.analyzer_version hashes the package's .py, .txt and .tsv files: a data file of another suffix
    # could change the rows without invalidating the cache.
    assert all(path.suffix in {".txt", ".tsv"} for path in lex.DATA.iterdir() if path.is_file())


_PROBE = """
import json
from helpers.attribution import extract_sentence
from helpers.cache import analyzer_version
rows = {s: [(f.source_type, f.type_evidence, f.confidence) for f in extract_sentence(s)]
        for s in ("Immigrants said the plan would fail.", "Two envoys said the plan would fail.")}
print(json.dumps({"version": analyzer_version(), "rows": rows}))
"""


def _probe(src) -> dict:
    out = subprocess.run([sys.executable, "-c", _PROBE], env=dict(os.environ, PYTHONPATH=str(src)),
                         capture_output=True, text=True, check=True, timeout=300)
    return json.loads(out.stdout.splitlines()[-1])


def test_a_word_added_to_a_data_file_changes_the_types_and_the_cache_key(tmp_path):
    # A researcher's edit, on a copy of the package: no code changes, only two lines in two data files.
    src = tmp_path / "src"
    shutil.copytree(ROOT / "src" / "helpers", src / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    before = _probe(src)
    assert before["rows"]["Immigrants said the plan would fail."] == [["other", "", "low"]]
    assert before["rows"]["Two envoys said the plan would fail."][0][0] == "official"  # roles.tsv: envoy
    data = src / "helpers" / "attribution" / "data"
    with open(data / "description_types.tsv", "a", encoding="utf-8") as handle:
        handle.write("immigrants\tother\n")
    with open(data / "anonymous_heads.txt", "a", encoding="utf-8") as handle:
        handle.write("envoys\n")
    after = _probe(src)
    assert after["rows"]["Immigrants said the plan would fail."] == [["other", "'immigrants'", "medium"]]
    assert after["rows"]["Two envoys said the plan would fail."] == [["anonymous", "unnamed 'Two envoys'", "high"]]
    assert after["version"] != before["version"]  # cached results from before the edit are not reused
