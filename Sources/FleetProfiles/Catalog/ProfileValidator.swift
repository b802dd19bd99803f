import FleetUnits

/// Checks what decoding cannot: ids match file names, every number is finite and positive where it must
/// be, every value group has dated sources, and cross references name known profiles.
struct ProfileValidator {
    let document: Document
    let expectedID: String
    private(set) var diagnostics: [Diagnostic] = []

    init(document: Document, expectedID: String) {
        self.document = document
        self.expectedID = expectedID
    }

    mutating func fail(_ message: String, at path: DocumentPath) {
        diagnostics.append(document.diagnostic(message, at: path))
    }

    mutating func checkID(_ id: String) {
        if id != expectedID { fail("id '\(id)' must equal the file name '\(expectedID)'", at: DocumentPath().appending("id")) }
    }

    mutating func checkSources(_ group: any Sourced, at path: DocumentPath) {
        if group.sources.isEmpty { fail("every value group needs 'sources' (locator and date)", at: path) }
        for (index, source) in group.sources.enumerated() {
            let sourcePath = path.appending("sources").appending(index)
            if source.locator.isEmpty { fail("'locator' must not be empty", at: sourcePath.appending("locator")) }
            if !source.hasValidDate {
                fail(Source.invalidDateMessage("date", source.date), at: sourcePath.appending("date"))
            }
        }
    }

    mutating func checkPositive(_ value: Double, _ name: String, at path: DocumentPath) {
        if !value.isFinite || value <= 0 { fail("'\(name)' must be positive and finite, got \(UnitFormatter.number(value))", at: path) }
    }

    mutating func checkPositive(_ value: Int, _ name: String, at path: DocumentPath) {
        if value <= 0 { fail("'\(name)' must be positive, got \(value)", at: path) }
    }

    mutating func check(_ profile: HardwareProfile) {
        checkID(profile.id)
        let root = DocumentPath()
        for (path, group) in profile.sourcedGroups {
            checkSources(group, at: DocumentPath(path.split(separator: ".").flatMap(Self.components)))
        }
        checkPositive(profile.memory.capacity.value, "capacity", at: root.appending("memory").appending("capacity"))
        if let bandwidth = profile.memory.bandwidth {
            checkPositive(bandwidth.value, "bandwidth", at: root.appending("memory").appending("bandwidth"))
        }
        if profile.compute.dense.isEmpty, profile.compute.note == nil {
            fail("'dense' lists no precision; give sourced rates or a 'note' saying why none is known", at: root.appending("compute"))
        }
        for (precision, rate) in profile.compute.dense {
            checkPositive(rate.value, precision.rawValue,
                          at: root.appending("compute").appending("dense").appending(precision.rawValue))
        }
        if let board = profile.power.board { checkPositive(board.value, "board", at: root.appending("power").appending("board")) }
        if let idle = profile.power.idle {
            checkPositive(idle.value, "idle", at: root.appending("power").appending("idle"))
            if let board = profile.power.board, idle >= board {
                fail("'idle' (\(idle)) must be below 'board' (\(board))", at: root.appending("power").appending("idle"))
            }
        }
        for (name, link) in [("scale_up", profile.interconnect?.scaleUp), ("scale_out", profile.interconnect?.scaleOut)] {
            guard let link else { continue }
            let path = root.appending("interconnect").appending(name)
            if let bandwidth = link.bandwidth { checkPositive(bandwidth.value, "bandwidth", at: path.appending("bandwidth")) }
            if let domain = link.domain { checkPositive(domain, "domain", at: path.appending("domain")) }
        }
        for (index, server) in (profile.servers ?? []).enumerated() {
            let path = root.appending("servers").appending(index)
            checkPositive(server.devices, "devices", at: path.appending("devices"))
            if let power = server.power { checkPositive(power.value, "power", at: path.appending("power")) }
            if let price = server.price { checkPositive(price.amount, "price", at: path.appending("price")) }
        }
    }

    /// `same_silicon_as`: another catalogued part (from `hardware`, by id) that is itself no variant.
    mutating func checkSameSilicon(of profile: HardwareProfile, hardware: [String: HardwareProfile]) {
        guard let sameSilicon = profile.sameSilicon else { return }
        let path = DocumentPath().appending("same_silicon_as").appending("hardware")
        if sameSilicon.hardware == profile.id {
            fail("a part cannot be a variant of itself", at: path)
        } else if let reference = hardware[sameSilicon.hardware] {
            if reference.sameSilicon != nil { fail("'\(reference.id)' is itself a variant; name the full-power part", at: path) }
        } else {
            fail(Suggestion.unknown("hardware", sameSilicon.hardware, in: hardware.keys.sorted()), at: path)
        }
    }

    /// A published power limit: sourced, on a catalogued part, positive and at most the part's board power.
    mutating func check(_ limit: PublishedPowerLimit, at path: DocumentPath, hardware: HardwareProfile?) {
        checkSources(limit, at: path)
        guard let hardware else {
            fail("unknown hardware '\(limit.hardware)'", at: path.appending("hardware"))
            return
        }
        checkPositive(limit.cap.value, "cap", at: path.appending("cap"))
        if let board = hardware.power.board, limit.cap.value > board.value {
            fail("cap \(limit.cap) exceeds the board power of '\(hardware.id)' (\(board))", at: path.appending("cap"))
        }
        if let devices = limit.devices { checkPositive(devices, "devices", at: path.appending("devices")) }
        if limit.benchmark.isEmpty { fail("'benchmark' must not be empty", at: path.appending("benchmark")) }
        if limit.setting.isEmpty { fail("'setting' must not be empty", at: path.appending("setting")) }
    }

    mutating func check(_ profile: ModelProfile) {
        checkID(profile.id)
        checkSources(profile, at: DocumentPath())
        let a = profile.architecture
        let path = DocumentPath().appending("architecture")
        let counts: [(String, Int)] = [
            ("layers", a.layers), ("hidden_size", a.hiddenSize), ("attention_heads", a.attentionHeads),
            ("kv_heads", a.kvHeads), ("head_dim", a.headDim), ("intermediate_size", a.intermediateSize),
            ("vocabulary", a.vocabulary), ("max_context", a.maxContext),
        ]
        for (name, value) in counts { checkPositive(value, name, at: path.appending(name)) }
        if a.kvHeads > 0, a.attentionHeads % a.kvHeads != 0 {
            fail("'kv_heads' (\(a.kvHeads)) must divide 'attention_heads' (\(a.attentionHeads))", at: path.appending("kv_heads"))
        }
        if let moe = a.moe {
            let moePath = path.appending("moe")
            checkPositive(moe.routedExperts, "routed_experts", at: moePath.appending("routed_experts"))
            checkPositive(moe.expertIntermediateSize, "expert_intermediate_size", at: moePath.appending("expert_intermediate_size"))
            if moe.expertsPerToken <= 0 || moe.expertsPerToken > moe.routedExperts {
                fail("'experts_per_token' (\(moe.expertsPerToken)) must be between 1 and 'routed_experts' (\(moe.routedExperts))",
                     at: moePath.appending("experts_per_token"))
            }
            if moe.sharedExperts < 0 { fail("'shared_experts' must not be negative", at: moePath.appending("shared_experts")) }
            if moe.denseLayers < 0 || moe.denseLayers >= a.layers {
                fail("'dense_layers' (\(moe.denseLayers)) must be between 0 and 'layers' - 1", at: moePath.appending("dense_layers"))
            }
        }
        if let window = a.slidingWindow { checkPositive(window.window, "window", at: path.appending("sliding_window").appending("window")) }
        if let mla = a.mla { checkPositive(mla.kvLoraRank, "kv_lora_rank", at: path.appending("mla").appending("kv_lora_rank")) }
    }

    mutating func check(_ profile: EngineProfile) {
        checkID(profile.id)
        let path = DocumentPath().appending("scheduling")
        checkSources(profile.scheduling, at: path)
        let s = profile.scheduling
        for (name, value) in [("max_sequences", s.maxSequences), ("max_batched_tokens", s.maxBatchedTokens),
                              ("kv_block_size", s.kvBlockSize)] {
            if let value { checkPositive(value, name, at: path.appending(name)) }
        }
        if let fraction = s.memoryFraction, !(fraction > 0 && fraction <= 1) {
            fail("'memory_fraction' must be in (0, 1], got \(UnitFormatter.number(fraction))", at: path.appending("memory_fraction"))
        }
        guard let overheads = profile.overheads else { return }
        for (name, time) in [("step", overheads.step), ("per_sequence", overheads.perSequence), ("front_end", overheads.frontEnd)] {
            guard let time else { continue }
            if !(time.value.isFinite && time.value >= 0) {
                fail("'\(name)' must be a finite time of at least 0, got \(time)", at: DocumentPath().appending("overheads").appending(name))
            }
        }
    }

    mutating func check(_ sheet: PriceSheet, knownHardware: Set<String>, knownModels: Set<String>) {
        checkID(sheet.id)
        for (index, item) in sheet.items.enumerated() {
            let path = DocumentPath().appending("items").appending(index)
            checkSources(item, at: path)
            for magnitude in item.value.magnitudes where !(magnitude.isFinite && magnitude > 0) {
                fail("price item '\(item.id)' must have positive, finite figures, got \(UnitFormatter.number(magnitude))", at: path)
            }
            if let date = item.date, !Source.isValidDate(date) {
                fail(Source.invalidDateMessage("date", date), at: path.appending("date"))
            }
            if item.value == .unavailable, item.note == nil {
                fail("price item '\(item.id)' has no figure and no 'note' saying why", at: path)
            }
            if let devices = item.devices { checkPositive(devices, "devices", at: path.appending("devices")) }
            if let hardware = item.hardware, !knownHardware.contains(hardware) {
                fail(Suggestion.unknown("hardware", hardware, in: knownHardware),
                     at: path.appending("hardware"))
            }
            if let model = item.model, !knownModels.contains(model) {
                fail(Suggestion.unknown("model", model, in: knownModels), at: path.appending("model"))
            }
        }
    }

    /// `servers[0]` → `.key("servers"), .index(0)`.
    static func components(_ text: Substring) -> [DocumentPath.Component] {
        guard let open = text.firstIndex(of: "["), let index = Int(text[text.index(after: open)...].dropLast()) else {
            return [.key(String(text))]
        }
        return [.key(String(text[..<open])), .index(index)]
    }
}
