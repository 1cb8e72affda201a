#!/usr/bin/env python3
"""Lists what would print badly in a LegCare workbook, one line each, as JSON.

Usage: python3 scripts/sheet-layout.py summary.xlsx

Checks every sheet: margins with room for the page header and footer (LibreOffice
printed blank pages without it), text longer than its column that neither wraps nor
has room to run on, wrapped text in a row too low for it, and text that starts
against a right-aligned number in the cell to its left.
"""
import json, math, sys, openpyxl
from openpyxl.utils import get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
problems = []
def width(ws, col):
    d = ws.column_dimensions.get(get_column_letter(col))
    return d.width if d is not None and d.width else 8.43
for ws in wb.worksheets:
    if ws.page_margins.top < 1 or ws.page_margins.bottom < 1:
        problems.append(f"{ws.title}: margins {ws.page_margins.top}/{ws.page_margins.bottom} leave no room for the header and footer")
    merged = {c for r in ws.merged_cells.ranges for row in ws.iter_rows(min_row=r.min_row, max_row=r.max_row, min_col=r.min_col, max_col=r.max_col) for c in [x.coordinate for x in row]}
    last = max([ws.max_column] + [openpyxl.utils.column_index_from_string(k) for k in ws.column_dimensions])
    used = sum(width(ws, c) for c in range(1, last + 1))
    printed = None
    if ws.print_area:
        printed = openpyxl.utils.range_boundaries(ws.print_area.split(",")[0].split("!")[-1].replace("$", ""))
    for row in ws.iter_rows():
        cells = {c.column: c for c in row if c.value is not None}
        height = ws.row_dimensions[row[0].row].height or 15
        for col, c in cells.items():
            if c.coordinate in merged or not isinstance(c.value, str):
                continue
            if printed and not (printed[0] <= col <= printed[2]):
                continue  # not printed: one line for scanning on screen
            w = width(ws, col)
            header = c.font.b and c.fill.fgColor.rgb not in (None, "00000000")
            lines = math.ceil(len(c.value) / w) if len(c.value) > w else 1
            where = f"{ws.title}!{c.coordinate}"
            if len(c.value) > w and not c.alignment.wrap_text:
                right = any(k > col for k in cells)
                end = sum(width(ws, k) for k in range(1, col)) + len(c.value)
                if right or end > used:
                    problems.append(f"{where}: {len(c.value)} characters in a column {w:.0f} wide, not wrapped")
            if c.alignment.wrap_text and lines > 1 and height < 15 * min(lines, 2):
                problems.append(f"{where}: wraps to about {lines} lines in a row {height} points high")
            left = cells.get(col - 1)
            if (left is not None and isinstance(left.value, (int, float)) and not isinstance(left.value, bool)
                    and left.alignment.horizontal in (None, "right", "general") and not header
                    and c.alignment.horizontal in (None, "left", "general") and not c.alignment.indent):
                problems.append(f"{where}: text starts against the number in {left.coordinate}")
print(json.dumps(problems))
