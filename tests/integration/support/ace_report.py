#!/usr/bin/env python3
"""Prints the violations in an Ace by DAISY report, one a line, and the
accessibility metadata Ace found missing; exits 1 when there is a violation.

Usage: ace_report.py REPORT.json
"""
import json
import sys


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    violations = 0
    for document in report.get("assertions", []):
        subject = document.get("earl:testSubject", {}).get("url", "?")
        for assertion in document.get("assertions", []):
            violations += 1
            test = assertion.get("earl:test", {})
            result = assertion.get("earl:result", {})
            print(f"{subject}: {test.get('earl:impact', '?')} {test.get('dct:title', '?')}: "
                  f"{result.get('dct:description', '')[:200]}")
    missing = report.get("a11y-metadata", {}).get("missing", [])
    print(f"{violations} violations; metadata Ace calls missing: {', '.join(missing) or 'none'}")
    sys.exit(1 if violations else 0)


if __name__ == "__main__":
    main()
