import CXlsxWriter
import Foundation
import LegCareCore

/// Charts: every `chart_*` call.
extension Workbook {
    /// A chart of one series: categories and values are ranges of `source`, rows inclusive.
    package func addChart(
        _ kind: ChartKind, title: String, on sheet: Sheet, at row: Int, _ col: Int, source: Sheet, categoriesCol: Int, valuesCol: Int,
        rows: ClosedRange<Int>
    ) throws {
        try addChart(
            kind, title: title, on: sheet, at: row, col,
            series: [Series(name: title, source: source, categoriesCol: categoriesCol, valuesCol: valuesCol, rows: rows)],
            legend: false)
    }

    /// Distinct line colours, in order, for series that set none.
    package static let palette: [UInt32] = [
        0x2F5597, 0xED7D31, 0x70AD47, 0x7030A0, 0xFFC000, 0x00B0F0, 0xC00000, 0x7F6000, 0xFF66CC, 0x404040,
    ]

    /// A chart of several series, placed with its top-left corner at `row`, `col`.
    package func addChart(
        _ kind: ChartKind, title: String, on sheet: Sheet, at row: Int, _ col: Int, series: [Series], legend: Bool = true,
        yAxis: String? = nil, width: Int = 480, height: Int = 288
    ) throws {
        let type: lxw_chart_type =
            switch kind {
            case .pie: LXW_CHART_PIE
            case .column: LXW_CHART_COLUMN
            case .line: LXW_CHART_LINE
            }
        guard let chart = workbook_add_chart(handle, UInt8(type.rawValue)) else {
            throw WorkbookError(operation: "add chart \(title)", code: nil)
        }
        for (index, s) in series.enumerated() {
            let ref = { (c: Int) in
                "='\(s.source.name)'!$\(Self.column(c))$\(s.rows.lowerBound + 1):$\(Self.column(c))$\(s.rows.upperBound + 1)"
            }
            guard
                let added = ref(s.categoriesCol).withCString({ cats in ref(s.valuesCol).withCString { chart_add_series(chart, cats, $0) } })
            else { throw WorkbookError(operation: "add series to \(title)", code: nil) }
            chart_series_set_name(added, keep(s.name))
            if let color = s.color {
                var fill = lxw_chart_fill()
                fill.color = color
                chart_series_set_fill(added, &fill)
            }
            if !s.pointColors.isEmpty {
                let fills = UnsafeMutablePointer<lxw_chart_fill>.allocate(capacity: s.pointColors.count)
                let points = UnsafeMutablePointer<lxw_chart_point>.allocate(capacity: s.pointColors.count)
                let list = UnsafeMutablePointer<UnsafeMutablePointer<lxw_chart_point>?>.allocate(capacity: s.pointColors.count + 1)
                defer {
                    fills.deallocate()
                    points.deallocate()
                    list.deallocate()
                }
                for (i, color) in s.pointColors.enumerated() {
                    var fill = lxw_chart_fill()
                    fill.color = color
                    (fills + i).initialize(to: fill)
                    var point = lxw_chart_point()
                    point.fill = fills + i
                    (points + i).initialize(to: point)
                    list[i] = points + i
                }
                list[s.pointColors.count] = nil
                try check(chart_series_set_points(added, list), "colour the points of \(title)")
            }
            if kind == .line {
                var line = lxw_chart_line()
                // A series without a colour of its own takes the next of the palette, so no
                // two lines of a chart share one (six teams all drew in the same blue).
                line.color = s.color ?? Self.palette[index % Self.palette.count]
                line.width = 2.25
                line.none = s.markersOnly ? 1 : 0
                if s.dashed { line.dash_type = UInt8(LXW_CHART_LINE_DASH_DASH.rawValue) }
                chart_series_set_line(added, &line)
                chart_series_set_marker_type(
                    added, UInt8(s.markersOnly ? LXW_CHART_MARKER_CIRCLE.rawValue : LXW_CHART_MARKER_NONE.rawValue))
                if s.markersOnly, let color = s.color {
                    var fill = lxw_chart_fill()
                    fill.color = color
                    chart_series_set_marker_fill(added, &fill)
                    var border = lxw_chart_line()
                    border.color = color
                    chart_series_set_marker_line(added, &border)
                }
            }
        }
        Self.xmlSafe(title).withCString { chart_title_set_name(chart, $0) }
        if let yAxis { Self.xmlSafe(yAxis).withCString { chart_axis_set_name(chart.pointee.y_axis, $0) } }
        // Bars compare by height only from zero: left to itself, LibreOffice began the axis
        // of the Overview's sessions due (9, 8 and 8) at 7.4, so 9 drew ten times as tall as 8.
        if kind == .column { chart_axis_set_min(chart.pointee.y_axis, 0) }
        if kind != .pie {
            // Every category keeps its label: left to itself, a reader shows every other one
            // once the axis is crowded, so half the therapists' bars had no name.
            chart_axis_set_interval_unit(chart.pointee.x_axis, 1)
            let categories = series.map(\.rows.count).max() ?? 0
            if categories > 8 {
                var font = lxw_chart_font()
                font.rotation = -45
                chart_axis_set_num_font(chart.pointee.x_axis, &font)
            }
        }
        if !legend { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) }
        if legend && kind != .pie { chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) }
        var options = lxw_chart_options()
        options.x_scale = Double(width) / 480
        options.y_scale = Double(height) / 288
        try check(worksheet_insert_chart_opt(sheets[sheet.index], lxw_row_t(row), lxw_col_t(col), chart, &options), "insert chart \(title)")
    }
}
