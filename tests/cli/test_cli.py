#!/usr/bin/env python3
"""Command-line tests (placeholder, filled below)."""
import sys
print("0 passed, 0 failed")
