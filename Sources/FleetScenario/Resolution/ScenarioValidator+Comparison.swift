import FleetPerformance
import Foundation
import FleetProfiles
import FleetServing
import FleetUnits

/// The comparison part of a scenario: options and their owning and acquisition terms, CI checks, and the
/// power plan.
extension ScenarioValidator {
    // MARK: Options

    mutating func validateOptions() {
        let path = Self.root.appending("options")
        guard !scenario.options.isEmpty else {
            // A plan-only scenario (`fleetsim plan`) needs no options.
            if scenario.plan == nil { fail("the comparison is empty: list at least one entry under 'options'", at: path) }
            return
        }
        checkUniqueNames(scenario.options.map(\.name), what: "option", list: "options")
        let deploymentNames = scenario.deployments.map(\.name), apiNames = scenario.finance.apis.map(\.name)
        for (index, option) in scenario.options.enumerated() {
            let optionPath = path.appending(index)
            switch (option.deployment, option.api) {
            case (nil, nil):
                fail("option '\(option.name)' needs a 'deployment' or an 'api'", at: optionPath)
            case (.some, .some):
                fail("option '\(option.name)' has both a 'deployment' and an 'api'; give one", at: optionPath)
            case let (nil, api?):
                if !apiNames.contains(api) {
                    fail(Suggestion.unknown("API", api, in: apiNames), at: optionPath.appending("api"))
                }
            case let (deploymentName?, nil):
                guard let deployment = scenario.deployments.first(where: { $0.name == deploymentName }) else {
                    fail(Suggestion.unknown("deployment", deploymentName, in: deploymentNames),
                         at: optionPath.appending("deployment"))
                    continue
                }
                validateAcquisition(option, deployment: deployment, at: optionPath)
            }
            validateOwningTerms(option, at: optionPath)
        }
        if let load = scenario.finance.dailyLoad {
            let loadPath = Self.root.appending("finance").appending("daily_load")
            if load.count != 24 { fail("'daily_load' needs 24 hourly values, got \(load.count)", at: loadPath) }
            if load.contains(where: { !($0 >= 0) || !$0.isFinite }) || !(load.reduce(0, +) > 0) {
                fail("'daily_load' values must be finite, non-negative and not all zero", at: loadPath)
            }
        }
    }

    /// Per-option owning terms: only on owned deployments; a lead time or a base load needs an overflow.
    mutating func validateOwningTerms(_ option: ComparisonOption, at path: DocumentPath) {
        let owned = option.deployment != nil && (option.acquisition ?? .own) == .own
        let given = [("server_price", option.serverPrice != nil), ("electricity", option.electricity != nil),
                     ("lead_time_months", option.leadTimeMonths != nil), ("base_rate", option.baseRate != nil), ("overflow", option.overflow != nil)]
        for (name, isSet) in given where isSet && !owned {
            fail("'\(name)' applies to an owned deployment (acquisition: own)", at: path.appending(name))
        }
        guard owned else { return }
        if let price = option.serverPrice { checkPrice(price.amount, price.currency, printed: price.description, at: path.appending("server_price")) }
        if let tariff = option.electricity { checkPrice(tariff.amount, tariff.currency, printed: tariff.description, at: path.appending("electricity")) }
        if let lead = option.leadTimeMonths {
            if lead < 0 || lead >= scenario.finance.horizonMonths {
                fail("'lead_time_months' must be between 0 and the horizon (\(scenario.finance.horizonMonths) months), got \(lead)", at: path.appending("lead_time_months"))
            } else if lead > 0, option.overflow == nil {
                fail("a lead time needs an 'overflow' (an API or rent-on-demand) to serve the demand before the servers arrive", at: path.appending("lead_time_months"))
            }
        }
        if let base = option.baseRate {
            if !(base > 0 && base.isFinite) { fail("'base_rate' must be a positive request rate, got \(base)", at: path.appending("base_rate")) }
            if option.overflow == nil { fail("a hybrid option ('base_rate') needs an 'overflow' for the demand above its base load", at: path.appending("base_rate")) }
        }
        if let overflow = option.overflow {
            let overflowPath = path.appending("overflow")
            switch (overflow.api, overflow.acquisition) {
            case let (api?, nil):
                let apiNames = scenario.finance.apis.map(\.name)
                if !apiNames.contains(api) { fail(Suggestion.unknown("API", api, in: apiNames), at: overflowPath.appending("api")) }
            case (nil, .rentOnDemand?):
                if scenario.finance.renting.onDemand == nil {
                    fail("overflow to rent-on-demand needs 'finance.renting.on_demand'", at: overflowPath.appending("acquisition"))
                }
            default:
                fail("'overflow' needs one of 'api: NAME' or 'acquisition: rent-on-demand'", at: overflowPath)
            }
        }
    }

    mutating func validateAcquisition(_ option: ComparisonOption, deployment: Deployment, at path: DocumentPath) {
        let renting = scenario.finance.renting
        switch option.acquisition ?? .own {
        case .own:
            let profilePriced = catalog.hardware(deployment.hardware)?.servers?.contains { $0.price != nil } ?? false
            if scenario.finance.owning.serverPrice == nil, !profilePriced, catalog.hardware(deployment.hardware) != nil {
                fail("option '\(option.name)' owns '\(deployment.hardware)', for which no public purchase price is known; "
                     + "set 'finance.owning.server_price'", at: path)
            }
        case .rentOnDemand where renting.onDemand == nil:
            fail("option '\(option.name)' rents on demand, but 'finance.renting.on_demand' is not set", at: path)
        case .rentReserved1Year where renting.reserved1Year == nil:
            fail("option '\(option.name)' rents reserved for 1 year, but 'finance.renting.reserved_1y' is not set", at: path)
        case .rentReserved3Year where renting.reserved3Year == nil:
            fail("option '\(option.name)' rents reserved for 3 years, but 'finance.renting.reserved_3y' is not set", at: path)
        default: break
        }
    }

    mutating func checkUniqueNames(_ names: [String], what: String, list: String) {
        var first: [String: Int] = [:]
        var listPath = Self.root
        for key in list.split(separator: ".") { listPath = listPath.appending(String(key)) }
        for (index, name) in names.enumerated() {
            if let earlier = first[name] {
                let earlierLocation = document.location(of: listPath.appending(earlier).appending("name"))
                fail("duplicate \(what) name '\(name)' (first at line \(earlierLocation.line ?? 0))",
                     at: listPath.appending(index).appending("name"))
            } else {
                first[name] = index
            }
        }
    }

    // MARK: Checks

    mutating func validateChecks() {
        let checks = scenario.checks, path = Self.root.appending("checks")
        let optionNames = scenario.options.map(\.name)
        for (index, name) in checks.options.enumerated() where !optionNames.contains(name) {
            fail(Suggestion.unknown("option", name, in: optionNames), at: path.appending("options").appending(index))
        }
        if let limit = checks.maxCostPerMillionTokens {
            checkPrice(limit.amount, limit.currency, printed: limit.description, at: path.appending("max_cost_per_mtok"))
        }
        if let limit = checks.maxTotalCost {
            checkPrice(limit.amount, limit.currency, printed: limit.description, at: path.appending("max_total_cost"))
        }
        for (name, limit) in [("max_ttft_p99", checks.maxTimeToFirstTokenP99), ("max_tpot_p99", checks.maxTimePerOutputTokenP99),
                              ("max_e2e_p99", checks.maxEndToEndP99)] {
            if let limit, !(limit.value > 0) { fail("'\(name)' must be positive, got '\(limit)'", at: path.appending(name)) }
        }
        if let limit = checks.minThroughputPerDevice, !(limit.value >= 0) {
            fail("'min_throughput_per_device' must not be negative, got '\(limit)'", at: path.appending("min_throughput_per_device"))
        }
    }

    // MARK: Plan

    mutating func validatePlan() {
        if let budget = scenario.budget {
            let path = Self.root.appending("budget")
            if !(budget.power.value > 0) { fail("'power' must be positive, got '\(budget.power)'", at: path.appending("power")) }
            if let capex = budget.capex { checkPrice(capex.amount, capex.currency, printed: capex.description, at: path.appending("capex")) }
            if let racks = budget.racks, racks < 1 { fail("'racks' must be at least 1, got \(racks)", at: path.appending("racks")) }
            if budget.racks != nil, budget.rackPower == nil { fail("'racks' needs 'rack_power' (IT power per rack)", at: path.appending("racks")) }
            if let rackPower = budget.rackPower, !(rackPower.value > 0) {
                fail("'rack_power' must be positive, got '\(rackPower)'", at: path.appending("rack_power"))
            }
        }
        guard let plan = scenario.plan else { return }
        let path = Self.root.appending("plan")
        if scenario.budget == nil { fail("a plan needs a 'budget' with at least 'power'", at: path) }
        if catalog.model(plan.model) == nil {
            fail(Suggestion.unknown("model", plan.model, in: catalog.models.map(\.id)), at: path.appending("model"))
        }
        if plan.hardware.isEmpty { fail("list at least one hardware id under 'hardware'", at: path.appending("hardware")) }
        for (index, id) in plan.hardware.enumerated() where catalog.hardware(id) == nil {
            fail(Suggestion.unknown("hardware", id, in: catalog.hardware.map(\.id)), at: path.appending("hardware").appending(index))
        }
        for (index, id) in plan.engines.enumerated() where catalog.engine(id) == nil {
            fail(Suggestion.unknown("engine", id, in: catalog.engines.map(\.id)), at: path.appending("engines").appending(index))
        }
        for (index, degree) in plan.tensor.enumerated() where degree < 1 {
            fail("tensor parallelism must be at least 1, got \(degree)", at: path.appending("tensor").appending(index))
        }
        for (index, choice) in plan.powerCaps.enumerated() {
            if let watts = choice.watts, !(watts.value > 0) {
                fail("a power cap must be positive, got '\(watts)'", at: path.appending("power_caps").appending(index))
            }
        }
        if plan.powerCaps.contains(where: { $0.watts != nil }), catalog.powerCapCurve == nil {
            fail(PerformanceError.noPowerCapCurve.message, at: path.appending("power_caps"))
        }
        for (id, price) in plan.serverPrices.sorted(by: { $0.key < $1.key }) {
            if catalog.hardware(id) == nil {
                fail(Suggestion.unknown("hardware", id, in: catalog.hardware.map(\.id)), at: path.appending("server_prices").appending(id))
            }
            checkPrice(price.amount, price.currency, printed: price.description, at: path.appending("server_prices").appending(id))
        }
    }
}
