#!/usr/bin/python3
"""The Xapian peer for scripts/bench-relevance.ts and scripts/bench-search.ts.

Indexes paragraph records (JSON lines: text, heading) with Xapian's Swedish stemmer and
spelling data, then answers queries the way a Xapian-based reader (Kiwix) does: the query
parser with the Swedish stemmer (STEM_SOME), phrases, and spelling correction on (the
corrected query is run when the query as typed finds fewer than three hits). Prints, per query, the ids of the top hits as JSON.

Usage: xapian-peer.py RECORDS.jsonl QUERIES.json TOP [--time]
  --time: also time each query (ms, list) and the build (s), for the speed benchmark.
"""
import json
import sys
import tempfile
import time

import xapian


def build(records_path, db_dir):
    db = xapian.WritableDatabase(db_dir, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("swedish"))
    generator.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    generator.set_database(db)
    generator.set_flags(xapian.TermGenerator.FLAG_SPELLING)
    with open(records_path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            record = json.loads(line)
            doc = xapian.Document()
            generator.set_document(doc)
            # Headings and titles weigh more, as in the reader.
            if record.get("heading"):
                generator.index_text(record["heading"], 2)
                generator.increase_termpos()
            generator.index_text(record["text"])
            doc.set_data(str(i))
            db.add_document(doc)
    db.commit()
    return db


def search(db, parser, query, top):
    flags = (
        xapian.QueryParser.FLAG_DEFAULT
        | xapian.QueryParser.FLAG_PHRASE
        | xapian.QueryParser.FLAG_SPELLING_CORRECTION
    )
    enquire = xapian.Enquire(db)
    enquire.set_query(parser.parse_query(query, flags))
    mset = enquire.get_mset(0, top)
    corrected = parser.get_corrected_query_string()
    if isinstance(corrected, bytes):
        corrected = corrected.decode("utf-8")
    # Xapian suggests a correction; like a reader built on it, search the corrected query
    # when the query as typed finds nothing (or nothing but a handful).
    if corrected and mset.size() < 3:
        enquire.set_query(parser.parse_query(corrected, flags))
        mset = enquire.get_mset(0, top)
    return [int(m.document.get_data()) for m in mset]


def main():
    records_path, queries_path, top = sys.argv[1], sys.argv[2], int(sys.argv[3])
    timing = "--time" in sys.argv
    with tempfile.TemporaryDirectory(prefix="lasaren-xapian-") as db_dir:
        started = time.perf_counter()
        db = build(records_path, db_dir)
        build_s = time.perf_counter() - started
        parser = xapian.QueryParser()
        parser.set_stemmer(xapian.Stem("swedish"))
        parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        parser.set_database(db)
        with open(queries_path, encoding="utf-8") as f:
            queries = json.load(f)
        results, times = [], []
        for query in queries:
            t = time.perf_counter()
            results.append(search(db, parser, query, top))
            times.append((time.perf_counter() - t) * 1000)
        out = {"results": results}
        if timing:
            out["times"] = times
            out["build_s"] = build_s
        json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
