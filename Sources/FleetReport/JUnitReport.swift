import FleetScenario

/// Check outcomes as JUnit XML: one test suite, one test case per option and check, a `<failure>` per
/// breach, so that CI systems show each check as a test.
public enum JUnitReport {
    public static func render(_ outcomes: [CheckOutcome], suite: String) -> String {
        let failures = outcomes.filter { !$0.passed }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"fleetsim\" tests=\"\(outcomes.count)\" failures=\"\(failures)\">\n"
        xml += "  <testsuite name=\"\(escape(suite))\" tests=\"\(outcomes.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for outcome in outcomes {
            let name = "\(outcome.option).\(outcome.check)"
            if outcome.passed {
                xml += "    <testcase classname=\"\(escape(suite))\" name=\"\(escape(name))\"/>\n"
            } else {
                xml += "    <testcase classname=\"\(escape(suite))\" name=\"\(escape(name))\">\n"
                xml += "      <failure message=\"\(escape(outcome.description))\" type=\"threshold\">\(escape(outcome.description))</failure>\n"
                xml += "    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// XML escaping of the five special characters.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&apos;")
    }
}
