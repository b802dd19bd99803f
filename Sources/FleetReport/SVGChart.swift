import Foundation
import Plot

/// A chart drawn as inline SVG through Plot's element builder (text is escaped by Plot): a plot area
/// with nice-number axes, gridlines and labels, into which the chart kinds (``lines(_:)``, ``bars(_:)``,
/// ``tornado(_:baseline:)``) draw their marks in data coordinates.
struct SVGChart {
    typealias SVGNode = Node<HTML.BodyContext>

    /// A line with an optional band (low, high) around it and markers at its points.
    struct Series {
        let name: String
        let points: [(x: Double, y: Double)]
        var band: [(x: Double, low: Double, high: Double)] = []
        var markers = false
        var dashed = false
    }

    /// A horizontal bar with an optional whisker.
    struct Bar {
        let label: String
        let value: Double
        var low: Double?
        var high: Double?
    }

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]
    static func colour(_ index: Int) -> String { palette[index % palette.count] }

    let title: String
    let xLabel: String
    let yLabel: String
    var width = 720.0
    var height = 340.0
    var left = 84.0
    let right = 24.0
    var top = 28.0
    let bottom = 48.0

    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }

    // MARK: Chart kinds

    /// Lines (with bands) over a numeric x axis; the legend names each series in its colour.
    func lines(_ series: [Series], xFromZero: Bool = false, yFromZero: Bool = true) -> SVGNode {
        let xs = series.flatMap { $0.points.map(\.x) + $0.band.map(\.x) }
        let ys = series.flatMap { $0.points.map(\.y) + $0.band.flatMap { [$0.low, $0.high] } }
        let xAxis = Axis(values: xs, fromZero: xFromZero), yAxis = Axis(values: ys, fromZero: yFromZero)
        var marks: [SVGNode] = grid(x: xAxis, y: yAxis)
        for (index, line) in series.enumerated() {
            let colour = Self.colour(index)
            if !line.band.isEmpty {
                let upper = line.band.map { point(xAxis, yAxis, $0.x, $0.high) }
                let lower = line.band.reversed().map { point(xAxis, yAxis, $0.x, $0.low) }
                marks.append(element("polygon", ["points": (upper + lower).joined(separator: " "), "fill": colour, "fill-opacity": "0.18", "stroke": "none"]))
            }
            var attributes = ["points": line.points.map { point(xAxis, yAxis, $0.x, $0.y) }.joined(separator: " "), "fill": "none",
                              "stroke": colour, "stroke-width": "2"]
            if line.dashed { attributes["stroke-dasharray"] = "6 4" }
            marks.append(element("polyline", attributes))
            if line.markers {
                for value in line.points {
                    marks.append(element("circle", ["cx": Self.number(x(xAxis, value.x)), "cy": Self.number(y(yAxis, value.y)), "r": "3.5", "fill": colour]))
                }
            }
        }
        marks += legend(series.map(\.name))
        return svg(marks)
    }

    /// Horizontal bars from zero with P10–P90 whiskers; one row per bar.
    func bars(_ bars: [Bar]) -> SVGNode {
        let values = bars.flatMap { [$0.value] + [$0.low, $0.high].compactMap { $0 } }
        let xAxis = Axis(values: values, fromZero: true)
        let rowHeight = plotHeight / Double(max(1, bars.count))
        var marks: [SVGNode] = xGrid(xAxis)
        for (index, bar) in bars.enumerated() {
            let top = self.top + rowHeight * Double(index) + rowHeight * 0.2
            let barHeight = rowHeight * 0.6
            marks.append(element("rect", ["x": Self.number(x(xAxis, 0)), "y": Self.number(top), "width": Self.number(x(xAxis, bar.value) - x(xAxis, 0)),
                                          "height": Self.number(barHeight), "fill": Self.colour(index)]))
            if let low = bar.low, let high = bar.high {
                let middle = Self.number(top + barHeight / 2)
                marks.append(element("line", ["x1": Self.number(x(xAxis, low)), "x2": Self.number(x(xAxis, high)), "y1": middle, "y2": middle,
                                              "stroke": "#222", "stroke-width": "1.5"]))
                for end in [low, high] {
                    marks.append(element("line", ["x1": Self.number(x(xAxis, end)), "x2": Self.number(x(xAxis, end)),
                                                  "y1": Self.number(top + barHeight * 0.2), "y2": Self.number(top + barHeight * 0.8),
                                                  "stroke": "#222", "stroke-width": "1.5"]))
                }
            }
            marks.append(text(bar.label, x: left - 6, y: top + barHeight / 2 + 4, anchor: "end"))
        }
        return svg(marks)
    }

    /// Bars from the value at each input's P10 to the value at its P90, around the deterministic `baseline`.
    func tornado(_ bars: [(label: String, low: Double, high: Double)], baseline: Double) -> SVGNode {
        let xAxis = Axis(values: bars.flatMap { [$0.low, $0.high] } + [baseline], fromZero: false)
        let rowHeight = plotHeight / Double(max(1, bars.count))
        var marks: [SVGNode] = xGrid(xAxis)
        for (index, bar) in bars.enumerated() {
            let top = self.top + rowHeight * Double(index) + rowHeight * 0.2
            let barHeight = rowHeight * 0.6
            for (end, colour) in [(bar.low, "#1f77b4"), (bar.high, "#d62728")] {
                let from = min(x(xAxis, baseline), x(xAxis, end)), to = max(x(xAxis, baseline), x(xAxis, end))
                marks.append(element("rect", ["x": Self.number(from), "y": Self.number(top), "width": Self.number(max(1, to - from)),
                                              "height": Self.number(barHeight), "fill": colour, "fill-opacity": "0.8"]))
            }
            marks.append(text(bar.label, x: left - 6, y: top + barHeight / 2 + 4, anchor: "end"))
        }
        let base = Self.number(x(xAxis, baseline))
        marks.append(element("line", ["x1": base, "x2": base, "y1": Self.number(top), "y2": Self.number(top + plotHeight), "stroke": "#222", "stroke-width": "1.5"]))
        marks += legend(["input at P10", "input at P90"], colours: ["#1f77b4", "#d62728"], above: true)
        return svg(marks)
    }

    // MARK: Axes

    /// A linear axis over nice round ticks covering the values.
    struct Axis {
        let low: Double
        let high: Double
        let ticks: [Double]

        init(values: [Double], fromZero: Bool) {
            let finite = values.filter(\.isFinite)
            var low = finite.min() ?? 0, high = finite.max() ?? 1
            if fromZero { low = min(0, low); high = max(0, high) }
            if high - low < 1e-12 * max(1, abs(high)) { low -= 1; high += 1 }
            let rough = (high - low) / 5
            let magnitude = pow(10, floor(log10(rough)))
            let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
            self.low = floor(low / step) * step
            self.high = ceil(high / step) * step
            ticks = stride(from: self.low, through: self.high + step / 2, by: step).map { $0 }
        }
    }

    func x(_ axis: Axis, _ value: Double) -> Double { left + (value - axis.low) / (axis.high - axis.low) * plotWidth }
    func y(_ axis: Axis, _ value: Double) -> Double { top + plotHeight - (value - axis.low) / (axis.high - axis.low) * plotHeight }
    func point(_ xAxis: Axis, _ yAxis: Axis, _ xValue: Double, _ yValue: Double) -> String {
        "\(Self.number(x(xAxis, xValue))),\(Self.number(y(yAxis, yValue)))"
    }

    func grid(x xAxis: Axis, y yAxis: Axis) -> [SVGNode] {
        var marks = xGrid(xAxis)
        for tick in yAxis.ticks {
            let position = Self.number(y(yAxis, tick))
            marks.append(element("line", ["x1": Self.number(left), "x2": Self.number(left + plotWidth), "y1": position, "y2": position, "stroke": "#ddd"]))
            marks.append(text(Self.tickLabel(tick), x: left - 6, y: y(yAxis, tick) + 4, anchor: "end"))
        }
        marks.append(text(yLabel, x: 14, y: top + plotHeight / 2, anchor: "middle", rotate: true))
        return marks
    }

    func xGrid(_ axis: Axis) -> [SVGNode] {
        var marks: [SVGNode] = [element("rect", ["x": Self.number(left), "y": Self.number(top), "width": Self.number(plotWidth),
                                                 "height": Self.number(plotHeight), "fill": "none", "stroke": "#888"])]
        for tick in axis.ticks {
            let position = Self.number(x(axis, tick))
            marks.append(element("line", ["x1": position, "x2": position, "y1": Self.number(top), "y2": Self.number(top + plotHeight), "stroke": "#eee"]))
            marks.append(text(Self.tickLabel(tick), x: x(axis, tick), y: top + plotHeight + 16, anchor: "middle"))
        }
        marks.append(text(xLabel, x: left + plotWidth / 2, y: height - 8, anchor: "middle"))
        return marks
    }

    /// A legend inside the plot's top-left corner, or in one row above the plot.
    func legend(_ names: [String], colours: [String]? = nil, above: Bool = false) -> [SVGNode] {
        names.enumerated().flatMap { index, name -> [SVGNode] in
            let x = above ? left + Double(index) * 120 : left + 10
            let y = above ? top - 10 : top + 8 + Double(index) * 16
            return [element("rect", ["x": Self.number(x), "y": Self.number(y - 8), "width": "10", "height": "10",
                                     "fill": colours?[index] ?? Self.colour(index)]),
                    text(name, x: x + 16, y: y + 1, anchor: "start")]
        }
    }

    // MARK: Elements

    func svg(_ marks: [SVGNode]) -> SVGNode {
        .element(named: "svg", nodes: [
            .attribute(named: "xmlns", value: "http://www.w3.org/2000/svg"),
            .attribute(named: "viewBox", value: "0 0 \(Self.number(width)) \(Self.number(height))"),
            .attribute(named: "width", value: Self.number(width)),
            .attribute(named: "height", value: Self.number(height)),
            .attribute(named: "role", value: "img"),
            .element(named: "title", nodes: [.text(title)]),
        ] + marks)
    }

    func element(_ name: String, _ attributes: [String: String]) -> SVGNode {
        .selfClosedElement(named: name, attributes: attributes.sorted { $0.key < $1.key }.map { Attribute<HTML.BodyContext>(name: $0.key, value: $0.value) })
    }

    func text(_ content: String, x: Double, y: Double, anchor: String, rotate: Bool = false) -> SVGNode {
        var nodes: [SVGNode] = [.attribute(named: "x", value: Self.number(x)), .attribute(named: "y", value: Self.number(y)),
                                .attribute(named: "text-anchor", value: anchor), .attribute(named: "font-size", value: "11")]
        if rotate { nodes.append(.attribute(named: "transform", value: "rotate(-90 \(Self.number(x)) \(Self.number(y)))")) }
        return .element(named: "text", nodes: nodes + [.text(content)])
    }

    /// Coordinates with one decimal.
    static func number(_ value: Double) -> String { String(format: "%.1f", value.isFinite ? value : 0) }

    /// Compact tick labels: 1.5M, 250k, 0.25.
    static func tickLabel(_ value: Double) -> String {
        let magnitude = abs(value)
        func trimmed(_ number: Double) -> String {
            let text = String(format: "%.2f", number)
            return text.contains(".") ? String(text.reversed().drop { $0 == "0" }.drop { $0 == "." }.reversed()) : text
        }
        if magnitude >= 1e9 { return trimmed(value / 1e9) + "G" }
        if magnitude >= 1e6 { return trimmed(value / 1e6) + "M" }
        if magnitude >= 1e4 { return trimmed(value / 1e3) + "k" }
        return trimmed(value)
    }
}
