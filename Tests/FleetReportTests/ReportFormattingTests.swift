import Testing
@testable import FleetReport

struct ReportFormattingTests {
    @Test func paretoFrontKeepsOnlyUndominatedPointsInIncreasingX() {
        let points: [(x: Double, y: Double)] = [(1, 10), (2, 8), (2, 9), (3, 5), (1.5, 4), (4, 1), (3.5, 0.5)]
        let front = ParetoFront.upperRight(points)
        #expect(front.map(\.x) == [1, 2, 3, 4])
        #expect(front.map(\.y) == [10, 9, 5, 1])
    }

    @Test func csvQuotesFieldsWithSeparatorsAndDoublesQuotes() {
        #expect(ComparisonCSV.render([["a", "b,c", "say \"hi\""], ["1", "line\nbreak", ""]])
            == "a,\"b,c\",\"say \"\"hi\"\"\"\n1,\"line\nbreak\",\n")
        #expect(ComparisonCSV.number(3) == "3")
        #expect(ComparisonCSV.number(0.1) == "0.1")
        #expect(ComparisonCSV.number(.nan) == "")
    }

    @Test func axisTicksAreRoundAndCoverTheData() {
        let axis = SVGChart.Axis(values: [0.37, 8.2], fromZero: true)
        #expect(axis.low == 0 && axis.high == 10)
        #expect(axis.ticks == [0, 2, 4, 6, 8, 10])
        let money = SVGChart.Axis(values: [395_242, 1_022_466], fromZero: false)
        #expect(money.low <= 395_242 && money.high >= 1_022_466)
        #expect(money.ticks.count >= 4 && money.ticks.count <= 8)
        let flat = SVGChart.Axis(values: [5, 5], fromZero: false)
        #expect(flat.low < 5 && flat.high > 5)
        #expect(SVGChart.tickLabel(1_250_000) == "1.25M")
        #expect(SVGChart.tickLabel(250_000) == "250k")
        #expect(SVGChart.tickLabel(0.5) == "0.5")
    }

    @Test func junitEscapesMarkupInNames() {
        #expect(JUnitReport.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
        let xml = JUnitReport.render([], suite: "s&p")
        #expect(xml.contains("<testsuite name=\"s&amp;p\" tests=\"0\" failures=\"0\""))
    }

    @Test func formattedNumbersNeverShowNegativeZeroOrNaN() {
        #expect(ComparisonMetric.format(-0.0001, decimals: 2) == "0.00")
        #expect(ComparisonMetric.format(.infinity, decimals: 2) == "-")
        #expect(ComparisonMetric.format(12.345, decimals: 1) == "12.3")
    }
}
