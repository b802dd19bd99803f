import ArgumentParser
import FleetEconomics
import FleetPerformance
import FleetProfiles
import FleetScenario
import FleetUnits

struct Cost: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cost every option of a scenario over its horizon: own, rent or buy tokens.",
        discussion: """
            Each deployment's capacity per replica within the latency objective (as 'fleetsim capacity' finds it)
            sizes the fleet for the scenario's request rate each month (growing by finance.monthly_demand_growth).
            Owning pays servers when bought, electricity (average IT power x PUE), colocation per provisioned kW
            and maintenance; its cost per million tokens annualizes capex with the capital recovery factor.
            Renting pays device-hours; APIs pay per million input and output tokens. Prints the costs and the
            month from which each option's cumulative cash is below each other's.
            Deterministic figures; distributions and Monte Carlo arrive with a later issue.
            Example: fleetsim cost Examples/rent-vs-own.yaml
            """)

    @Argument(help: "Scenario file.")
    var scenario: String

    @OptionGroup var calibration: CalibrationOptions
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Failure.reporting {
            let (scenario, report) = try ScenarioRun.load(scenario, global: global, calibration: calibration) {
                scenario, catalog, efficiencies, serving throws(PerformanceError) -> ScenarioCost.Report in
                try ScenarioCost.report(scenario, catalog: catalog, efficiencies: efficiencies, serving: serving)
            }
            let results = report.options
            let currency = scenario.currency.code
            print("\(scenario.finance.horizonMonths) months, \(UnitFormatter.number(scenario.workload.arrivals.rate ?? 0)) requests/s at month 1, "
                  + "growing \(UnitFormatter.number(scenario.finance.monthlyDemandGrowth.value * 100)) % a month; amounts in \(currency)")
            print(TextTable(header: ["option", "devices", "requests/s per replica", "month 1 (\(currency))", "\(currency)/Mtok",
                                     "total cash (\(currency))", "P10", "P50", "P90", "energy month 1 (MWh)", "electricity month 1 (\(currency))"],
                            rows: results.map { result in
                                let first = result.months.first!, last = result.months.last!
                                return [result.option, first.devices == last.devices ? "\(first.devices)" : "\(first.devices) → \(last.devices)",
                                        result.capacityPerReplica.map { String(format: "%.2f", $0) } ?? "-",
                                        String(format: "%.0f", first.cash.amount), String(format: "%.3f", result.costPerMillionTokens),
                                        String(format: "%.0f", result.totalCash), String(format: "%.0f", result.uncertainty.totalCash.p10),
                                        String(format: "%.0f", result.uncertainty.totalCash.p50), String(format: "%.0f", result.uncertainty.totalCash.p90),
                                        first.energy.value > 0 ? String(format: "%.1f", first.energy.kilowattHours / 1000) + (result.energyUpperBound ? " (upper bound)" : "") : "-",
                                        first.energy.value > 0 ? String(format: "%.0f", first.energyCost) : "-"]
                            }).render())
            print("Monte Carlo: \(report.samples) samples over " + (report.uncertainInputs.isEmpty ? "no uncertain input (P10 = P50 = P90)"
                  : report.uncertainInputs.joined(separator: ", ")) + "; P(row option's total cash < column option's):")
            print(TextTable(header: [""] + results.map(\.option), rows: results.indices.map { row in
                [results[row].option] + results.indices.map { column in
                    row == column ? "" : String(format: "%.2f", report.probabilityCheaper[row][column])
                }
            }).render())
            print("break-even: month from which the row option's cumulative cash is at most the column option's ('-': never within the horizon)")
            print(TextTable(header: [""] + results.map(\.option), rows: results.map { row in
                [row.option] + results.map { column in
                    row.option == column.option ? "" : (CostModel.breakEvenMonth(row.months, column.months).map(String.init) ?? "-")
                }
            }).render(), terminator: "")
            if results.contains(where: \.energyUpperBound) {
                print("\n(upper bound): no sourced idle power for the hardware, so energy is at provisioned power all the time")
            }
        }
    }
}
