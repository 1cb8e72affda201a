#!/usr/bin/env python3
"""Dumps every cell of a workbook as sheet TAB row TAB col TAB type TAB value, for the
libxlsxwriter floor (bench/floor-xlsx.c). Usage: dump-cells.py IN.xlsx OUT.tsv"""
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for ws in wb.worksheets:
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            for c, v in enumerate(row):
                if v is None:
                    continue
                kind = "n" if isinstance(v, (int, float)) and not isinstance(v, bool) else "s"
                text = str(v) if kind == "s" else repr(float(v))
                out.write(f"{ws.title}\t{r}\t{c}\t{kind}\t{text.replace(chr(9), ' ').replace(chr(10), ' ')}\n")
